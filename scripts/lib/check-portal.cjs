// scripts/check-portal's browser half: drives the customer's page in headless Chromium and checks its figures
// against the API's. Environment: PLAYWRIGHT (playwright-core's directory), PORTAL (the server's URL), KEY (company
// 1111111111's key), OTHER_KEY (another company's), CONTRACT, OUT (where screenshots go).
"use strict";
const { chromium } = require(process.env.PLAYWRIGHT);
const { PORTAL, KEY, OTHER_KEY, CONTRACT, OUT } = process.env;

const results = [];
function check(name, ok, detail) {
  results.push(ok);
  console.log((ok ? "ok     " : "FAILED ") + name + (detail ? ": " + detail : ""));
}

async function api(path, key) {
  const response = await fetch(PORTAL + path, { headers: { Authorization: "Bearer " + (key || KEY) } });
  return { status: response.status, body: await response.json() };
}

async function signedIn(browser, key, contract) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(PORTAL + "/")) {
      outside.push(request.url());
    }
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(PORTAL + "/?contract=" + encodeURIComponent(contract));
  await page.fill("#key", key);
  await page.click("button[type=submit]");
  // done: a sentence instead of the report, or the report's last section filled (the page fills it last)
  await page.waitForFunction(() => !document.getElementById("message").hidden
    || document.getElementById("quality-summary").textContent.length > 0, null, { timeout: 60000 });
  return { context, page, outside, errors };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"]
  });
  try {
    const { page, outside, errors } = await signedIn(browser, KEY, CONTRACT);
    await page.screenshot({ path: OUT + "/portal.png", fullPage: true });
    const month = (await page.textContent("#month")).replace(/[()-]/g, "");
    const ot101 = (await api("/v1/results/OT101/" + CONTRACT + "?from=" + month + "&to=" + month)).body.items[0];
    check("the page shows the month of the contract's latest OT101 result", ot101 !== undefined, "month " + month);
    const bar = async (id) => Number(await page.getAttribute("#bar-" + id, "data-value"));
    check("the OT101 bars are the API's figures",
      await bar("you") === ot101.consumption && await bar("eff") === ot101.averageEffConsumption
        && await bar("all") === ot101.averageConsumption,
      [await bar("you"), await bar("eff"), await bar("all")].join(" / ") + " against " + [ot101.consumption,
        ot101.averageEffConsumption, ot101.averageConsumption].join(" / "));
    const diff = Math.round(ot101.diffAverageEffConsumption);
    const sentence = await page.textContent("#sentence");
    check("the sentence says the difference to the efficient neighbours",
      sentence.includes(Math.abs(diff) + " %") && sentence.includes(diff > 0 ? "more" : "less"), sentence);

    const firstDay = await page.$eval("#table-days tbody tr", (row) => ({
      date: row.cells[0].textContent, value: Number(row.cells[1].dataset.value) }));
    const day = (await api("/v1/consumption/" + CONTRACT + "?period=DAY&from=" + firstDay.date + "&to="
      + firstDay.date)).body.items[0];
    check("one day's kWh is the API's", day !== undefined && Number(day.v) === firstDay.value,
      firstDay.date + " " + firstDay.value + " against " + (day && day.v));
    const monthRows = await page.$$eval("#table-months tbody tr", (rows) => rows.length);
    const year = Number(month.slice(0, 4));
    const last = new Date(Date.UTC(year, Number(month.slice(4)), 0)).toISOString().slice(0, 10);
    const months = (await api("/v1/consumption/" + CONTRACT + "?period=MONTH&from=" + (year - 1) + "-"
      + month.slice(4) + "-01&to=" + last)).body.items;
    check("the months' count is the API's", monthRows === months.length && monthRows > 0,
      monthRows + " rows against " + months.length + " items");
    check("every section has its figures", (await page.$$eval("#table-cost tbody tr", (r) => r.length)) > 0
      && (await page.$$eval("#weather-figures dd", (d) => d.length)) > 0
      && (await page.textContent("#quality-summary")).length > 0);
    check("no request left the server (the page works offline)", outside.length === 0, outside.join(" "));
    check("no script error", errors.length === 0, errors.join("; "));

    const wrong = await signedIn(browser, "enma_" + "x".repeat(43), CONTRACT);
    await wrong.page.screenshot({ path: OUT + "/wrong-key.png" });
    const wrongText = await wrong.page.textContent("#message");
    check("a wrong key gets its sentence", wrongText.includes("not known"), wrongText);

    const foreign = await signedIn(browser, OTHER_KEY, CONTRACT);
    await foreign.page.screenshot({ path: OUT + "/other-company.png" });
    const foreignText = await foreign.page.textContent("#message");
    check("another company's key does not see the contract", foreignText.includes("There is no contract")
      && await foreign.page.isHidden("#report"), foreignText);

    const docs = await browser.newPage();
    await docs.goto(PORTAL + "/docs");
    await docs.waitForSelector(".opblock", { timeout: 30000 });
    await docs.screenshot({ path: OUT + "/docs.png" });
    check("the API's documentation lists every operation", (await docs.$$(".opblock")).length >= 8);
  } finally {
    await browser.close();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log("RESULT portal_checks=" + results.length + " failed=" + failed);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error("check-portal: " + e.message);
  process.exit(1);
});
