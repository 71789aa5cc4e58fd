// Webhooks the performance tests share.

/** An advanced-form webhook of about `size` bytes: headers and a body template (the same
 * shape as the core benchmark's inputs). */
export function webhook(size) {
  const headers = ['    "Authorization": "Bearer 9f8e7d6c5b4a"'];
  for (let i = 0; i < 8; i++) headers.push(`    "X-Team-${i}": "monitoring-${i}"`);
  headers.push('    "Content-Type": "application/json"');
  const head = `{\n  "url": "https://hooks.example.com/testrtc/end-of-run",\n  "format": "json/object",\n  "headers": {\n${headers.join(",\n")}\n  },\n  "body": {\n`;
  const entries = ['    "summary": "<% this.testName %> (<% this.runType %>) ended <% this.status %>"'];
  let length = head.length + entries[0].length;
  for (let i = 0; length + 200 < size; i++) {
    const entry = [
      `    "message${i}": "Run <% this.runName %> of <% this.projectName %>: <% this.status %>, score <% this.score %>"`,
      `    "run${i}": {"id": "<% this.testRunId %>", "link": "<% this.resultUrl %>", "tags": ["webrtc", "nightly", ${i}], "weight": ${i % 97}.25}`,
      `    "users${i}": "<%this.concurrentUsers%>", "notify${i}": true, "ratio${i}": 0.${i}`,
      `    "note${i}": "plain text with \\"quotes\\", a tab\\t and café ✓"`,
    ][i % 4];
    entries.push(entry);
    length += entry.length + 2;
  }
  return `${head}${entries.join(",\n")}\n  }\n}\n`;
}
