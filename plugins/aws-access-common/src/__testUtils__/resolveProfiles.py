# Prints, as JSON, every profile of the AWS config file as AWS CLI v2 resolves it before
# it signs in: the CLI's own session reads the file (AWS_CONFIG_FILE) and its SSO
# credential provider resolves each profile to the account, role, start URL, region and
# [sso-session] it would use, or the error it would stop with. One process for all
# profiles instead of an `aws configure get` per value. Run with the interpreter of
# Debian's awscli (the first line of /usr/bin/aws); see awsCliWorkspace.ts.
import json

import awscli.clidriver
from botocore.credentials import SSOProvider
from botocore.exceptions import BotoCoreError

session = awscli.clidriver.create_clidriver().session
config = session.full_config
profiles = {}
for name in session.available_profiles:
    values = config['profiles'][name]
    entry = {'region': values.get('region'), 'output': values.get('output')}
    try:
        entry['sso'] = SSOProvider(lambda: config, None, name)._load_sso_config()
    except BotoCoreError as error:
        entry['error'] = str(error)
    profiles[name] = entry
print(json.dumps(profiles))
