/**
 * `ideamill`: the operator's command line. Works on the same DATA_DIR as the server, also
 * while it serves (SQLite WAL; backups use SQLite's online backup).
 * Exit codes: 0 done, 1 failed (the message says why), 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config/config.ts';
import { AppError } from '../errors.ts';
import { createLogger } from '../observability/logger.ts';
import { COMMANDS, type Command, UsageError } from './commands.ts';

const USAGE = `Usage: ideamill <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(14)} ${command.summary}`)
  .join('\n')}

Configuration comes from the environment (DATA_DIR, PORT, PUBLIC_URL, …; see README).
Run "ideamill <command> --help" for a command's options.`;

function help(name: string, command: Command): string {
  return `Usage: ideamill ${name} ${command.usage}\n\n${command.summary}\n${command.details ?? ''}`;
}

/**
 * What was wrong with the options, in the usage's words: Node's message for an unknown one
 * tells how to pass an argument that starts with "-", which is not what an operator typing
 * `create-board --title "Team day"` meant. An option named as an argument of the usage (TITLE,
 * BOARD, FILE) says that argument comes without it.
 */
function optionsError(error: Error & { code?: string }, command: Command): string {
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message;
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const word = option.replace(/^-+/, '').toUpperCase();
  const argument = word !== '' && new RegExp(`(^|[\\s\\[(|])${word}\\b`).test(command.usage);
  return argument
    ? `unknown option ${option}: give the ${word.toLowerCase()} as it is, without ${option}`
    : `unknown option ${option}`;
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`ideamill: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(
      `ideamill ${name}: ${optionsError(error as Error, command)}\n\n${help(name, command)}`,
    );
    return 2;
  }
  if (parsed.values.help) {
    console.log(help(name, command));
    return 0;
  }
  const max = command.maxArguments ?? Number.POSITIVE_INFINITY;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max).join(' ');
    console.error(`ideamill ${name}: unexpected argument(s): ${extra}\n\n${help(name, command)}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  try {
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values as Record<string, string | boolean | undefined>,
      config,
      env,
      // Another command's errors only (why a board could not be loaded, say), where the
      // operator reads the command's own words: "the operator can see why in the log".
      logger: name === 'serve' ? createLogger(config.logLevel) : createLogger('error', true),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`ideamill ${name}: ${error.message}\n\n${help(name, command)}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(`ideamill ${name}: ${error.message} (${error.code})`);
      return 1;
    }
    console.error(`ideamill ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Output piped into a reader that stops early (`list-boards | head -3`): what is left unread is
// dropped, as other command-line tools do, instead of ending in a stack trace (QA).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

const code = await run(process.argv.slice(2));
// `serve` keeps running; everything else exits with its code.
if (code >= 0) process.exitCode = code;
