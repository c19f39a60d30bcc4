import { isAwsAccountId } from '@aws-access/backstage-plugin-aws-access-common';
import { z } from 'zod';

// Field checks that every part of the configuration shares.

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export const text = (what: string) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: `must be ${what}`,
    })
    .trim()
    .min(1, 'must not be empty');

export const region = text('a region name such as eu-north-1').regex(
  REGION,
  'must be a region name such as eu-north-1',
);

export const accountId = z
  .string({
    required_error: 'is required',
    invalid_type_error:
      'must be a 12-digit account id in quotes (unquoted YAML numbers lose leading zeros)',
  })
  .refine(isAwsAccountId, 'must be a 12-digit AWS account id');

export const flag = () =>
  z.boolean({ invalid_type_error: 'must be true or false' });

export const number = () =>
  z.number({ invalid_type_error: 'must be a number' });

/** An organisation's id: it goes into URLs, profile names and the stored data's keys. */
export const organizationId = text('an organisation id')
  .max(20, 'must be at most 20 characters')
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be lower-case letters and digits, in words joined by single "-", such as prod or eu-sandbox',
  );
