// Opens corridor reports in headless Chromium (Debian's, driven by playwright-core) and fails on
// any console error, page error or failed request; checks that every chart rendered (an SVG with
// marks), that the map drew its basemap, links and nodes, and saves a full-page screenshot.
//
// usage: node report_browser_test.mjs REPORT.html SCREENSHOT.png [REPORT.html SCREENSHOT.png ...]
import { chromium } from "playwright-core";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const pairs = process.argv.slice(2);
if (pairs.length === 0 || pairs.length % 2 !== 0) {
  console.error("usage: node report_browser_test.mjs REPORT.html SCREENSHOT.png [...]");
  process.exit(2);
}

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
let failures = 0;
try {
  for (let i = 0; i < pairs.length; i += 2) {
    const [report, screenshot] = [pairs[i], pairs[i + 1]];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`network request: ${r.url()}`); });
    await page.goto("file://" + report);
    await page.waitForSelector("body[data-rendered=all]", { timeout: 60000 });
    const charts = await page.$$eval("[data-spec]", (els) => els.map((el) => {
      const svg = el.querySelector("svg");
      return {
        spec: el.getAttribute("data-spec"),
        svg: !!svg,
        width: svg ? svg.getBoundingClientRect().width : 0,
        marks: svg ? svg.querySelectorAll("path, line, circle, rect, text").length : 0,
        text: el.textContent.slice(0, 200),
      };
    }));
    if (charts.length === 0) problems.push("no charts");
    for (const c of charts) {
      if (!c.svg || c.width < 100 || c.marks < 5) problems.push(`chart ${c.spec} did not render: ${JSON.stringify(c)}`);
    }
    const map = await page.$("[data-spec^=map]");
    if (map) {
      const layers = await map.$$eval("g.mark-shape path, g.mark-rule line, g.mark-symbol path", (els) => els.length);
      if (layers < 20) problems.push(`the map drew only ${layers} shapes`);
    }
    await page.screenshot({ path: screenshot, fullPage: true });
    if (problems.length) {
      failures++;
      console.error(`FAIL ${report}\n  ` + problems.join("\n  "));
    } else {
      console.log(`ok ${report}: ${charts.length} charts (${charts.map((c) => c.spec).join(", ")}), screenshot ${screenshot}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
