/**
 * The text of a configuration file to a plain value: JSON for `.json` files, YAML (a superset
 * of JSON) for everything else. Syntax errors become a ConfigError naming the line, and
 * duplicate keys are errors too, because YAML would otherwise keep the last one silently.
 * No I/O here, so a Lambda can parse a configuration it received as text.
 */
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.ts';

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Where JSON.parse failed, as an offset. V8 says "at position N" for some errors, and for an
 * unexpected token quotes the text around it: up to 10 characters either side, with "..."
 * where it cut, so the offset is found by locating that quote in the text.
 */
function jsonErrorOffset(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position !== null) return Number(position[1]);
  if (message.startsWith('Unexpected end of JSON input')) return text.length;
  const context = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const [, token, cut, quoted] = context ?? [];
  if (token === undefined || quoted === undefined) return undefined;
  const start = text.indexOf(quoted);
  if (start < 0) return undefined;
  return cut === undefined ? start + Math.max(0, quoted.indexOf(token)) : start + 10;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const offset = jsonErrorOffset(text, message);
    const line = offset === undefined ? '' : ` (line ${lineOf(text, offset)})`;
    throw new ConfigError([`${source}${line}: not valid JSON: ${message.split(/, "|, \.\.\."|\n/)[0] ?? message}`]);
  }
}

function parseYaml(text: string, source: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => {
        const line = error.linePos?.[0].line ?? lineOf(text, error.pos[0]);
        return `${source} (line ${line}): not valid YAML: ${error.message.split('\n')[0]}`;
      }),
    );
  }
  return document.toJS({ maxAliasCount: 100 }) as unknown;
}

export function parseConfigText(text: string, source: string): unknown {
  return source.toLowerCase().endsWith('.json') ? parseJson(text, source) : parseYaml(text, source);
}
