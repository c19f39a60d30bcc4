import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A throwaway certificate authority and one server certificate it signed. */
export interface TestCertificates {
  /** The CA certificate (PEM file): what a client trusts, e.g. `AWS_CA_BUNDLE`. */
  caFile: string;
  /** The server's private key and certificate, PEM. */
  key: string;
  cert: string;
}

/**
 * The extensions a strict verifier asks for (Python 3.13 checks X.509 strictly: a
 * critical basicConstraints on the CA, key identifiers on both).
 */
function opensslConfig(hosts: string[]): string {
  return [
    '[req]',
    'distinguished_name = dn',
    'prompt = no',
    '[dn]',
    'CN = aws-access test',
    '[ca]',
    'basicConstraints = critical, CA:TRUE',
    'keyUsage = critical, keyCertSign, cRLSign',
    'subjectKeyIdentifier = hash',
    '[server]',
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature',
    'extendedKeyUsage = serverAuth',
    `subjectAltName = ${hosts.map(h => `DNS:${h}`).join(', ')}`,
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    '',
  ].join('\n');
}

/**
 * Makes a CA valid for two days and a certificate for `hosts` signed by it, with the
 * `openssl` command (Node can make keys but not certificates), in a new temporary folder.
 */
export async function createTestCertificates(
  hosts: string[],
): Promise<TestCertificates> {
  if (hosts.length === 0) {
    throw new Error('A certificate needs at least one host name');
  }
  const dir = await mkdtemp(join(tmpdir(), 'aws-access-test-ca-'));
  const file = (name: string) => join(dir, name);
  await writeFile(file('openssl.cnf'), opensslConfig(hosts));
  const openssl = (...args: string[]) =>
    promisify(execFile)('openssl', args, { cwd: dir });
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  const common = ['-config', 'openssl.cnf', '-nodes', ...newKey];
  await openssl(
    'req',
    '-x509',
    ...common,
    '-extensions',
    'ca',
    '-days',
    '2',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
  );
  await openssl(
    'req',
    '-new',
    ...common,
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  await openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    '1',
    '-days',
    '2',
    '-extfile',
    'openssl.cnf',
    '-extensions',
    'server',
    '-out',
    'server.pem',
  );
  return {
    caFile: file('ca.pem'),
    key: await readFile(file('server.key'), 'utf8'),
    cert: await readFile(file('server.pem'), 'utf8'),
  };
}
