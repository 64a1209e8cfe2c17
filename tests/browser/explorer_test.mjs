// `rawabit export --format html` in a real browser: the system's headless Chromium driven by
// puppeteer-core. Run by ctest (exit 77, skipped, only when no chromium is installed).
//
//   node tests/browser/explorer_test.mjs                      the tests
//   node tests/browser/explorer_test.mjs --pictures DIR --ant DB --around NAME
//                                                            screenshots of the seeds graph and of
//                                                            --around NAME on DB, into DIR
//   node tests/browser/explorer_test.mjs --bench DB           the file size and the time to open
//                                                            the whole graph of DB, three runs
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {browserCpuTicks, buildDatabase, cpuSecondsBetween, exportHtml, findChromium, launch, openPage, query, readySeconds, root, searchAndSelect,
        sqlString} from './explorer_page.mjs';

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

if (!findChromium()) {
  console.log('SKIPPED: no chromium at /usr/bin/chromium (scripts/setup installs Debian\'s chromium); ' +
              'the HTML export was not tested in a browser');
  process.exit(77);
}

const seedsCorpus = path.join(root, 'corpus');

// An article whose title, text and metadata carry markup: entity references in the text (decoded
// by rawabit's HTML reader into literal «<img …>» in the stored sentence), and raw markup written
// straight into the database afterwards, as a hostile or broken source could leave it.
// No '.' or '!' in the payload of the text: the sentence splitter would cut it off the evidence.
const hostileText = '<p>أثارت زيارة فلاديمير بوتين الأخيرة إلى مينسك &lt;img src=x onerror=alert(1)&gt; ' +
                    '&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; مخاوف متجددة</p>';
const hostileTitle = '<script>window.__pwned="title"</script>\u202Egnp.exe<img src=x onerror="window.__pwned=\'title-img\'">';

function hostileDatabase(dir) {
  const input = path.join(dir, 'hostile.jsonl');
  writeFileSync(input, JSON.stringify({id: 'h1', title: 'زيارة', date: '2023-05-01', source: 'test', text: hostileText}) + '\n');
  const db = buildDatabase([input], path.join(dir, 'hostile.sqlite'));
  const sql = `UPDATE documents SET title = ${sqlString(hostileTitle)},
                 publisher = ${sqlString('</script><script>window.__pwned="publisher"</script><!--')};`;
  execFileSync('sqlite3', [db, sql]);
  return db;
}


if (option('--pictures')) {
  await pictures(option('--pictures'), option('--ant'), option('--around'));
} else if (option('--bench')) {
  await bench(option('--bench'));
} else {
  describe('the HTML explorer', () => {
    let dir, browser, seedsDb, seedsHtml;
    before(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'rawabit-browser-'));
      seedsDb = buildDatabase([seedsCorpus], path.join(dir, 'seeds.sqlite'));
      seedsHtml = exportHtml(seedsDb, path.join(dir, 'seeds.html'));
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      if (dir) rmSync(dir, {recursive: true, force: true});
    });

    test('loads with no console error and fetches nothing', async () => {
      const {page, problems} = await openPage(browser, seedsHtml);
      assert.deepEqual(problems, []);
      assert.ok(await page.$('#graph canvas'), 'the graph is drawn on a canvas');
      await page.close();
    });

    test('shows as many entities and facts as the database has', async () => {
      const [facts] = query(seedsDb, 'SELECT COUNT(*) AS n FROM v_facts');
      const [entities] = query(seedsDb, 'SELECT COUNT(*) AS n FROM (SELECT subject_id FROM v_facts UNION SELECT object_id FROM v_facts)');
      assert.ok(facts.n > 10, 'the seeds give facts');
      const {page} = await openPage(browser, seedsHtml);
      const shown = await page.evaluate(() => ({
        nodes: window.__rawabit.cy.nodes().length, edges: window.__rawabit.cy.edges().length,
        countNodes: Number(document.getElementById('count-nodes').textContent),
        countEdges: Number(document.getElementById('count-edges').textContent)}));
      assert.deepEqual(shown, {nodes: entities.n, edges: facts.n, countNodes: entities.n, countEdges: facts.n});
      await page.close();
    });

    test('searching «بوتين», or a spelling with diacritics, selects Vladimir Putin', async () => {
      const {page, problems} = await openPage(browser, seedsHtml);
      for (const spelling of ['بوتين', 'بُوتِين', 'putin']) {
        await searchAndSelect(page, spelling);
        const selected = await page.evaluate(() => ({
          name: window.__rawabit.data.nodes[window.__rawabit.selected].name,
          cySelected: window.__rawabit.cy.$('node:selected').map((n) => n.id()),
          title: document.getElementById('panel-title').textContent}));
        assert.equal(selected.name, 'Vladimir Putin', spelling);
        assert.equal(selected.cySelected.length, 1);
        assert.match(selected.title, /Vladimir Putin/);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('clicking one of his facts shows its sentence with the span highlighted', async () => {
      const {page, problems} = await openPage(browser, seedsHtml);
      await searchAndSelect(page, 'بوتين');
      const fact = await page.$eval('#panel .fact-link[data-edge]', (b) => {
        const e = window.__rawabit.data.edges[Number(b.dataset.edge)];
        const names = window.__rawabit.data.nodes;
        return {subject: names[e.s].name, predicate: e.p, object: names[e.t].name};
      });
      await page.click('#panel .fact-link[data-edge]');
      await page.waitForSelector('#panel .evidence .sentence mark');
      const shown = await page.$$eval('#panel .evidence', (items) => items.map((item) => ({
        sentence: item.querySelector('.sentence').textContent, dir: item.querySelector('.sentence').getAttribute('dir'),
        mark: item.querySelector('.sentence mark').textContent})));
      const spans = query(seedsDb, `SELECT substr(d.text, ev.start + 1, ev.end - ev.start) AS span
        FROM evidence ev JOIN relations r ON r.id = ev.relation_id JOIN documents d ON d.id = ev.document_id
        JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id
        WHERE s.name = ${sqlString(fact.subject)} AND r.predicate = ${sqlString(fact.predicate)}
          AND o.name = ${sqlString(fact.object)}`).map((row) => row.span);
      assert.ok(shown.length > 0 && shown.length <= spans.length);
      for (const item of shown) {
        assert.equal(item.dir, 'rtl');
        assert.ok(item.mark.length > 0 && item.sentence.includes(item.mark));
        assert.ok(spans.includes(item.mark), `«${item.mark}» is a stored span of ${JSON.stringify(fact)}`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('filters by predicate, entity type and date hide facts and entities', async () => {
      const {page} = await openPage(browser, seedsHtml);
      const counts = () => page.evaluate(() => [Number(document.getElementById('count-nodes').textContent),
                                                Number(document.getElementById('count-edges').textContent)]);
      const [nodes, edges] = await counts();
      await page.click('#predicates-none');
      assert.deepEqual(await counts(), [0, 0]);
      await page.click('#predicates-all');
      assert.deepEqual(await counts(), [nodes, edges]);
      await page.click('#type-filter li[data-type="PERSON"] input');
      const [withoutPersons, factsWithoutPersons] = await counts();
      const persons = await page.evaluate(() => window.__rawabit.cy.nodes('.hidden').length);
      assert.ok(persons > 0 && withoutPersons === nodes - persons && factsWithoutPersons < edges);
      await page.click('#type-filter li[data-type="PERSON"] input');
      assert.deepEqual(await counts(), [nodes, edges]);

      // The date sliders on the last period alone: only facts with evidence then stay.
      const dated = await page.evaluate(() => {
        const from = document.getElementById('time-from'), to = document.getElementById('time-to');
        from.value = to.value = to.max;
        from.dispatchEvent(new Event('input'));
        const period = document.getElementById('time-label').textContent.split(' – ')[0];
        const {cy, data} = window.__rawabit;
        const shown = cy.edges().filter((e) => !e.hasClass('hidden')).map((e) => data.edges[Number(e.id().slice(1))]);
        return {period, shown: shown.length, inPeriod: shown.filter((e) => e.dates.some((d) => d.startsWith(period))).length,
                expected: data.edges.filter((e) => e.dates.some((d) => d.startsWith(period))).length};
      });
      assert.ok(dated.shown > 0 && dated.shown < edges, JSON.stringify(dated));
      assert.equal(dated.inPeriod, dated.shown);
      assert.equal(dated.shown, dated.expected);
      assert.equal((await counts())[1], dated.shown);
      await page.close();
    });

    test('an article carrying <script> and <img onerror> runs nothing and adds no element', async () => {
      const db = hostileDatabase(dir);
      const html = exportHtml(db, path.join(dir, 'hostile.html'));
      const {page, problems} = await openPage(browser, html);
      await searchAndSelect(page, 'بوتين');
      await page.click('#panel .fact-link[data-edge]');
      await page.waitForSelector('#panel .evidence');
      const state = await page.evaluate(() => ({
        pwned: window.__pwned, scripts: document.scripts.length, images: document.images.length,
        injected: document.querySelectorAll('#panel script, #panel img, #panel iframe, #panel [onerror]').length,
        sentence: document.querySelector('#panel .sentence').textContent,
        meta: document.querySelector('#panel .meta').textContent}));
      assert.equal(state.pwned, undefined);
      assert.equal(state.scripts, 3, 'the data block, the library and the page; no other');
      assert.equal(state.images, 0);
      assert.equal(state.injected, 0);
      assert.match(state.sentence, /<img src=x onerror=alert\(1\)>/, 'the markup reached the page, as text');
      assert.match(state.sentence, /<\/script><script>alert\(2\)<\/script>/);
      assert.match(state.meta, /<script>window.__pwned="title"<\/script>/);
      assert.match(state.meta, /<\/script><script>window.__pwned="publisher"<\/script><!--/);
      assert.ok(!state.meta.includes('\u202E'), 'bidi override removed');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}

// Screenshots for docs/: the seeds graph with one of Putin's facts open, and --around NAME on `antDb`.
async function pictures(outDir, antDb, around) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rawabit-pictures-'));
  const browser = await launch();
  try {
    const seedsDb = buildDatabase([seedsCorpus], path.join(dir, 'seeds.sqlite'));
    const seeds = await openPage(browser, exportHtml(seedsDb, path.join(dir, 'seeds.html')));
    await searchAndSelect(seeds.page, 'بوتين');
    const richest = await seeds.page.$$eval('#panel .fact-link[data-edge]', (links) => {  // most evidence text
      const length = (i) => window.__rawabit.data.edges[i].ev.reduce((n, e) => n + e.before.length + e.after.length, 0);
      return links.map((l) => Number(l.dataset.edge)).sort((a, b) => length(b) - length(a))[0];
    });
    await seeds.page.click(`#panel .fact-link[data-edge="${richest}"]`);
    await seeds.page.waitForSelector('#panel .evidence');
    await new Promise((resolve) => setTimeout(resolve, 400));  // the centring animation
    await seeds.page.screenshot({path: path.join(outDir, 'explorer-seeds.png')});
    if (antDb && around) {
      const ant = await openPage(browser, exportHtml(antDb, path.join(dir, 'around.html'), '--around', around));
      await searchAndSelect(ant.page, around);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await ant.page.evaluate(() => {  // closer, for the names around the entity to read
        const {cy, selected} = window.__rawabit;
        cy.zoom({level: cy.zoom() * 1.8, renderedPosition: cy.getElementById('n' + selected).renderedPosition()});
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await ant.page.screenshot({path: path.join(outDir, 'explorer-around.png')});
    }
    console.log('wrote', path.join(outDir, 'explorer-seeds.png'), antDb ? 'and explorer-around.png' : '');
  } finally {
    await browser.close();
    rmSync(dir, {recursive: true, force: true});
  }
}

// The whole graph of `db`: export time, file size, and the time to open in three fresh pages.
async function bench(db) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rawabit-bench-'));
  const browser = await launch();
  try {
    const started = Date.now();
    const html = exportHtml(db, path.join(dir, 'graph.html'));
    console.log(`export: ${((Date.now() - started) / 1000).toFixed(1)} s, ${(statSync(html).size / 1e6).toFixed(2)} MB`);
    for (let run = 0; run < 3; ++run) {
      const cpuBefore = browserCpuTicks(browser);
      const {page, problems} = await openPage(browser, html);
      const cpu = cpuSecondsBetween(cpuBefore, browserCpuTicks(browser));
      const counts = await page.evaluate(() => [window.__rawabit.cy.nodes().length, window.__rawabit.cy.edges().length]);
      console.log(`open: ${(await readySeconds(page)).toFixed(2)} s, ${cpu.toFixed(2)} s of CPU in all of Chromium's ` +
                  `processes (${counts[0]} entities, ${counts[1]} facts; load average ${os.loadavg()[0].toFixed(1)})` +
                  (problems.length ? ' problems: ' + problems.join('; ') : ''));
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, {recursive: true, force: true});
  }
}
