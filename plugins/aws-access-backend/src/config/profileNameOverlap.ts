import { PROFILE_NAME_PLACEHOLDERS } from '@aws-access/backstage-plugin-aws-access-common';

/**
 * Whether two organisations' profile name templates can give the same profile name.
 *
 * A template with its organisation's id filled in describes a set of names: the literal
 * text is fixed, `{accountName}`, `{roleName}` and `{environment}` can be any text,
 * `{region}` any run of letters, digits and `-`, `{accountId}` twelve digits. The names
 * then go through the same clean-up as `sanitizeProfileName` in the common package
 * (anything but letters, digits, `.`, `_` and `-` becomes `-`, runs of `-` collapse,
 * leading and trailing `-` and `.` go, an empty name becomes `profile`) and are compared
 * ignoring case, as the profile planner compares them. Each template is an automaton over
 * those names; walking both at once, breadth first, finds the shortest name both can give,
 * or proves there is none.
 */

/** The placeholders a profile name template may use: the profile planner's own. */
export const NAME_TEMPLATE_PLACEHOLDERS = PROFILE_NAME_PLACEHOLDERS;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The first placeholder of `template` that is not one of {@link NAME_TEMPLATE_PLACEHOLDERS}. */
export function unknownPlaceholder(template: string): string | undefined {
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!(NAME_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      return `{${name}}`;
    }
  }
  return undefined;
}

/** One step of a name: a character the set accepts, once or any number of times. */
interface Token {
  accepts: (c: string) => boolean;
  repeat: boolean;
  /** Set on the template's literal text: the one character it accepts. */
  literal?: string;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const SEPARATORS = new Set(['-', '.']);
const anyText: Token = { accepts: () => true, repeat: true };
const anyChar: Token = { accepts: c => !SEPARATORS.has(c), repeat: false };
const regionText: Token = {
  accepts: c => c !== '.' && c !== '_',
  repeat: true,
};
const digit: Token = { accepts: isDigit, repeat: false };
const literal = (ch: string): Token => ({
  accepts: c => c === ch,
  repeat: false,
  literal: ch,
});

const VALUES: Record<string, Token[]> = {
  accountName: [anyText],
  roleName: [anyText],
  environment: [anyText],
  region: [regionText],
  accountId: Array(12).fill(digit),
};

/** The same with at least one character in each free-text value: likelier examples. */
const PLAIN_VALUES: Record<string, Token[]> = {
  ...VALUES,
  accountName: [anyChar, anyText],
  roleName: [anyChar, anyText],
  environment: [anyChar, anyText],
};

/** The template's literal text as the clean-up leaves it, before runs collapse; lower case. */
function cleanLiteral(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .toLowerCase();
}

/** The names `template` can give in organisation `org`, before clean-up, as tokens. */
function tokensOf(
  template: string,
  org: string,
  values: Record<string, Token[]>,
): Token[] {
  const tokens: Token[] = [];
  const addText = (text: string) =>
    tokens.push(...[...cleanLiteral(text)].map(literal));
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    addText(template.slice(at, match.index));
    const name = match[1];
    if (name === 'org') {
      addText(org);
    } else {
      tokens.push(
        ...(values[name] ?? [...cleanLiteral(match[0])].map(literal)),
      );
    }
    at = match.index + match[0].length;
  }
  addText(template.slice(at));
  return tokens;
}

/** A set of positions in a token list; position `tokens.length` is the end. */
type States = Set<number>;

class NamePattern {
  readonly start: States;

  constructor(private readonly tokens: Token[]) {
    // Leading separators are trimmed: read them without giving a character.
    this.start = this.withSilent(this.closure(new Set([0])), SEPARATORS);
  }

  /** Adds the positions reachable by skipping repeated tokens (zero times). */
  private closure(states: States): States {
    const result = new Set(states);
    for (const s of [...result].sort((a, b) => a - b)) {
      for (let i = s; i < this.tokens.length && this.tokens[i].repeat; i++) {
        result.add(i + 1);
      }
    }
    return result;
  }

  private read(states: States, c: string): States {
    const next = new Set<number>();
    for (const s of states) {
      const token = this.tokens[s];
      if (token?.accepts(c)) {
        next.add(token.repeat ? s : s + 1);
      }
    }
    return this.closure(next);
  }

  /** `states` plus what reading any number of the `silent` characters reaches. */
  private withSilent(states: States, silent: Set<string>): States {
    const result = new Set(states);
    let frontier: States = states;
    while (frontier.size > 0) {
      const added = new Set<number>();
      for (const c of silent) {
        for (const s of this.read(frontier, c)) {
          if (!result.has(s)) {
            result.add(s);
            added.add(s);
          }
        }
      }
      frontier = added;
    }
    return result;
  }

  /** Where giving `c` leads: a `-` stands for a whole run of them. */
  give(states: States, c: string): States {
    const next = this.read(states, c);
    return c === '-' ? this.withSilent(next, new Set(['-'])) : next;
  }

  /** Whether the name can end here (trailing separators are trimmed). */
  canEnd(states: States): boolean {
    return this.withSilent(states, SEPARATORS).has(this.tokens.length);
  }

  /** Whether this pattern gives `name`, a cleaned, lower-case name. */
  gives(name: string): boolean {
    let states = this.start;
    for (const c of name) {
      states = this.give(states, c);
    }
    return this.canEnd(states);
  }

  literals(): string[] {
    return this.tokens.flatMap(t => (t.literal ? [t.literal] : []));
  }
}

const FALLBACK_NAME = 'profile';

/**
 * The characters worth trying: every literal, and one character of each kind no literal
 * covers. Two characters of the same kind that no literal names behave alike.
 */
function candidates(a: NamePattern, b: NamePattern): string[] {
  const literals = new Set([...a.literals(), ...b.literals()]);
  const unused = (chars: string) => [...chars].find(c => !literals.has(c));
  return [
    unused('xyzabcdefghijklmnopqrstuvw'),
    unused('0123456789'),
    ...literals,
    '_',
    '.',
    '-',
  ].filter((c, i, all): c is string => !!c && all.indexOf(c) === i);
}

/**
 * A profile name (cleaned, lower case) that organisation `a`'s template and organisation
 * `b`'s can both give, short and with every value filled where possible; undefined when
 * the two can never give the same name.
 */
export function sharedProfileName(
  a: { template: string; org: string },
  b: { template: string; org: string },
): string | undefined {
  const pattern = (t: typeof a, values: Record<string, Token[]>) =>
    new NamePattern(tokensOf(t.template, t.org, values));
  // An example with every value filled reads best; the full search decides.
  return (
    sharedName(pattern(a, PLAIN_VALUES), pattern(b, PLAIN_VALUES)) ??
    sharedName(pattern(a, VALUES), pattern(b, VALUES))
  );
}

function sharedName(pa: NamePattern, pb: NamePattern): string | undefined {
  // A name that cleans up to nothing becomes `profile`.
  const emptyA = pa.canEnd(pa.start);
  const emptyB = pb.canEnd(pb.start);
  if (
    (emptyA && (emptyB || pb.gives(FALLBACK_NAME))) ||
    (emptyB && pa.gives(FALLBACK_NAME))
  ) {
    return FALLBACK_NAME;
  }

  const chars = candidates(pa, pb);
  const keyOf = (sa: States, sb: States, last: string) =>
    `${[...sa].sort().join(',')}|${[...sb].sort().join(',')}|${last}`;
  // `last`: '' before the first character, else the last one given, letters as 'x'.
  const queue = [{ sa: pa.start, sb: pb.start, last: '', name: '' }];
  const seen = new Set([keyOf(pa.start, pb.start, '')]);
  for (let i = 0; i < queue.length; i++) {
    const { sa, sb, last, name } = queue[i];
    if (last === 'x' && pa.canEnd(sa) && pb.canEnd(sb)) {
      return name;
    }
    for (const c of chars) {
      const separator = SEPARATORS.has(c);
      // Clean names never start with a separator nor hold two `-` in a row.
      if ((separator && last === '') || (c === '-' && last === '-')) {
        continue;
      }
      const na = pa.give(sa, c);
      const nb = pb.give(sb, c);
      const nextLast = separator ? c : 'x';
      const key = keyOf(na, nb, nextLast);
      if (na.size > 0 && nb.size > 0 && !seen.has(key)) {
        seen.add(key);
        queue.push({ sa: na, sb: nb, last: nextLast, name: name + c });
      }
    }
  }
  return undefined;
}
