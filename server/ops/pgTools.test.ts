import { describe, expect, it } from 'vitest';
import { pgToolInvocation } from './pgTools';

describe('pgToolInvocation', () => {
  it('keeps the password off the command line and hands it to the child as PGPASSWORD', () => {
    const { args, env } = pgToolInvocation('postgres://tandem:s%40cret%2Fpw@db.example:5433/tandem?sslmode=require', ['--format=custom', '--no-password']);
    expect(args).toEqual(['--dbname=postgres://tandem@db.example:5433/tandem?sslmode=require', '--format=custom', '--no-password']);
    expect(args.join(' ')).not.toContain('cret');
    expect(env.PGPASSWORD).toBe('s@cret/pw');
    expect(env.PATH).toBe(process.env.PATH); // the rest of the environment is passed on
  });

  it('also moves a password given as a query parameter, leaving the other parameters as written', () => {
    const { args, env } = pgToolInvocation('postgresql://tandem@localhost/tandem?password=q%20pw&application_name=a%20b', []);
    expect(args).toEqual(['--dbname=postgresql://tandem@localhost/tandem?application_name=a%20b']);
    expect(env.PGPASSWORD).toBe('q pw');
  });

  it('sets no PGPASSWORD when the URL has none (a PGPASSWORD or .pgpass of the caller still applies)', () => {
    const { args, env } = pgToolInvocation('postgres://tandem@localhost/tandem', ['x']);
    expect(args).toEqual(['--dbname=postgres://tandem@localhost/tandem', 'x']);
    expect(env.PGPASSWORD).toBe(process.env.PGPASSWORD);
  });

  it('refuses a URL it cannot parse rather than pass it through', () => {
    expect(() => pgToolInvocation('not a url', [])).toThrow(/cannot be parsed/);
  });
});
