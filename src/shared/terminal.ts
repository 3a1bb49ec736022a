// Text from an extract made safe to print on a terminal: control characters (escape sequences that
// could move the cursor, rewrite earlier lines or set the window title) never reach it.

// C0 controls except tab, DEL, and the C1 controls (U+0080–U+009F, which include the 8-bit CSI).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Returns `text` with control characters replaced by '?' and line breaks by a space, for one line
 * of terminal output (a unit name, a rejected value, a file name).
 * @example terminalSafe('West\u001b[2J') // 'West?[2J'
 */
export function terminalSafe(text: string): string {
  return String(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(CONTROL, '?');
}
