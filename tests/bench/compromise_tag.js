// Baseline for tests/bench/tag_bench.sh: runs the compromise NLP library
// over the same articles as erg and prints how many tokens it tagged per
// second (people, organizations and places, as erg's recognizer does).
// usage: node compromise_tag.js FILE.jsonl...
'use strict';
const fs = require('fs');
const readline = require('readline');
const nlp = require('compromise');

async function main() {
  let tokens = 0, articles = 0, entities = 0, seconds = 0;
  for (const path of process.argv.slice(2)) {
    const rl = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.trim()) continue;
      const text = JSON.parse(line).text || '';
      // Only the tagging is timed, as for erg (whose figure includes reading).
      const t0 = process.hrtime.bigint();
      const doc = nlp(text);
      entities += doc.people().length + doc.organizations().length + doc.places().length;
      tokens += doc.terms().length;
      seconds += Number(process.hrtime.bigint() - t0) / 1e9;
      articles++;
    }
  }
  console.log(JSON.stringify({ articles, tokens, entities, seconds,
                               tokens_per_second: tokens / seconds }));
}
main().catch((e) => { console.error('compromise_tag: ' + e.message); process.exit(1); });
