// @ts-check
/* Deadlines as iCalendar (RFC 5545): one all-day VEVENT per item with a deadline. Loaded
   by recipes.js only when the reader asks for a calendar file; plain functions, tested
   without a browser (tests/progress.test.mjs) and with a real parser (tests/test_browser_calendar.py). */

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). @param {string} text */
const escape = (text) => text.replace(/[\\;,]/g, (c) => "\\" + c).replace(/\r?\n/g, "\\n");
/** Lines longer than 75 octets continue on the next line after a space (3.1), never inside a character. @param {string} line */
const fold = (line) => {
  const out = [];
  let part = "", size = 0;
  for (const char of line) {
    const bytes = new TextEncoder().encode(char).length;
    if (size + bytes > (out.length ? 74 : 75)) { out.push(part); part = ""; size = 0; }
    part += char;
    size += bytes;
  }
  return [...out, part].join("\r\n ");
};
const compact = (/** @type {string} */ day) => day.replace(/-/g, "");
const nextDay = (/** @type {string} */ day) => new Date(Date.parse(day + "T00:00:00Z") + 86400000).toISOString().slice(0, 10);

/** @typedef {{uid: string, day: string, summary: string, description: string, url: string}} Deadline */
/** The calendar text with CRLF line ends. @param {Deadline[]} deadlines @param {string} stamp UTC, as Date.toISOString() writes it */
export const calendar = (deadlines, stamp) => {
  const now = stamp.replace(/[-:]/g, "").replace(/\.\d+/, "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kumppanuuden reseptikirja//recipes//FI", "CALSCALE:GREGORIAN"];
  for (const d of deadlines) {
    lines.push("BEGIN:VEVENT", "UID:" + d.uid, "DTSTAMP:" + now, "DTSTART;VALUE=DATE:" + compact(d.day),
      "DTEND;VALUE=DATE:" + compact(nextDay(d.day)), "SUMMARY:" + escape(d.summary));
    if (d.description) lines.push("DESCRIPTION:" + escape(d.description));
    lines.push("URL:" + d.url, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
};
