// The customer's page: every figure from the public API with the customer's key, which stays in this browser tab
// (sessionStorage) and is sent nowhere but this server. A worked example of the API as much as a page.
"use strict";

const KEY = "enma.key";
const $ = (id) => document.getElementById(id);

/** Refusals the page explains in a sentence instead of showing nothing. */
class Refused extends Error {
  constructor(sentence) { super(sentence); }
}

async function api(path) {
  const key = sessionStorage.getItem(KEY);
  if (!key) {
    throw new Refused("Your session has ended: sign in again with your API key.");
  }
  const response = await fetch(path, { headers: { Authorization: "Bearer " + key } });
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    throw new Refused("This API key is not known (or no longer valid): check it, or ask your utility for a new one.");
  }
  const body = await response.json();
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Refused("The server refused a request (" + response.status + "): " + (body.error || "no reason given"));
  }
  return body;
}

const pad = (n) => String(n).padStart(2, "0");
const monthText = (m) => String(m).slice(0, 4) + "-" + String(m).slice(4);
const monthNumber = (year, month) => year * 100 + month;
const addMonths = (m, n) => {
  const t = Math.floor(m / 100) * 12 + (m % 100 - 1) + n;
  return monthNumber(Math.floor(t / 12), t % 12 + 1);
};
const dateText = (d) => d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
const lastDayOf = (m) => new Date(Date.UTC(Math.floor(m / 100), m % 100, 0));
const kwh = (v, unit) => (v === undefined || v === null) ? "–" : Number(v).toLocaleString("en", { maximumFractionDigits: 2 }) + " " + (unit || "kWh");

function say(sentence) {
  $("message").textContent = sentence;
  $("message").hidden = false;
}

/** The contract's latest OT101 result: 36-month windows back from this month until one holds one. */
async function latestComparison(contract) {
  let to = monthNumber(new Date().getFullYear(), new Date().getMonth() + 1);
  for (let step = 0; step < 12; step++) {
    const from = addMonths(to, -35);
    const page = await api("/v1/results/OT101/" + encodeURIComponent(contract) + "?from=" + from + "&to=" + to);
    if (page === null) {
      throw new Refused("There is no contract " + contract + " for this key.");
    }
    if (page.items.length > 0) {
      return page.items[page.items.length - 1];
    }
    to = addMonths(from, -1);
  }
  return null;
}

async function monthResult(ot, contract, month) {
  const page = await api("/v1/results/" + ot + "/" + encodeURIComponent(contract) + "?from=" + month + "&to=" + month);
  return page && page.items.length > 0 ? page.items[page.items.length - 1] : null;
}

function showComparison(r) {
  $("month").textContent = "(" + monthText(r.month) + ")";
  const values = { you: r.consumption, eff: r.averageEffConsumption, all: r.averageConsumption };
  const top = Math.max(values.you, values.eff, values.all, 0.001);
  for (const [id, v] of Object.entries(values)) {
    $("bar-" + id).style.height = (v / top * 75) + "%";
    $("bar-" + id).dataset.value = v;
    $("value-" + id).textContent = kwh(v);
  }
  const diff = Math.round(r.diffAverageEffConsumption);
  $("sentence").textContent = diff === 0 ? "You used as much as your efficient neighbours"
    : "You used " + Math.abs(diff) + " % " + (diff > 0 ? "more" : "less") + " than your efficient neighbours";
  $("group").textContent = "Neighbours: " + r.numberCustomers + " customers alike (" + r.criteria + "), the "
    + r.numberCustomersEff + " most efficient of them; " + r.consumptionNumberOfDays + " days of your month.";
}

function chart(element, series, data, bars) {
  element.replaceChildren();
  if (data[0].length === 0) {
    return;
  }
  // bars stand centred on their times: half a step of room at each end, or the first and last are cut in half
  const times = data[0];
  const half = times.length > 1 ? (times[times.length - 1] - times[0]) / (times.length - 1) / 2 : 15 * 86400;
  const opts = {
    width: Math.min(element.clientWidth || 800, 900), height: 260,
    // amounts from zero, so a bar's height is its amount
    scales: {
      x: bars ? { time: true, range: (u, min, max) => [min - half, max + half] } : { time: true },
      y: { range: (u, min, max) => [0, max > 0 ? max * 1.05 : 1] }
    },
    series: [{}].concat(series.map((s) => Object.assign({ width: 2, points: { show: true } }, s,
      bars ? { paths: uPlot.paths.bars({ size: [0.6] }), fill: s.stroke + "99" } : {}))),
    axes: [{}, { size: 60 }]
  };
  new uPlot(opts, data, element);
}

function showYear(r) {
  if (!r) {
    $("year-note").textContent = "No 12-month comparison (OT103) for this month.";
    $("chart-year").replaceChildren();
    return;
  }
  const times = r.months.map((m) => Date.UTC(Math.floor(m.month / 100), m.month % 100 - 1, 1) / 1000);
  chart($("chart-year"), [
    { label: "You", stroke: "#d9822b" },
    { label: "Efficient neighbours", stroke: "#3f9b63" },
    { label: "All neighbours", stroke: "#6b8fb3" }
  ], [times, r.months.map((m) => m.consumption ?? null), r.months.map((m) => m.averageEffConsumption ?? null),
    r.months.map((m) => m.averageConsumption ?? null)]);
  $("year-note").textContent = "Over the 12 months: you " + kwh(r.totalConsumption) + ", efficient neighbours "
    + kwh(r.totalAverageEffConsumption) + ", all neighbours " + kwh(r.totalAverageConsumption) + ".";
}

function showSeries(name, answer, label, stroke, bars) {
  const body = $("table-" + name).querySelector("tbody");
  body.replaceChildren();
  const items = answer ? answer.items : [];
  for (const item of items) {
    const row = body.insertRow();
    row.insertCell().textContent = name === "months" ? item.time.slice(0, 7) : item.time.slice(0, 10);
    const cell = row.insertCell();
    cell.textContent = kwh(item.v, answer.unit);
    cell.dataset.value = item.v;
    if (item.estimated) {
      cell.textContent += " (" + item.estimated + " estimated)";
    }
  }
  chart($("chart-" + name), [{ label: label, stroke: stroke }],
    [items.map((i) => Date.parse(i.time) / 1000), items.map((i) => i.v)], bars);
  $(name + "-note").textContent = !answer || answer.rolledUp === false
    ? "Not computed yet: your utility has not rolled up the consumption by period (enma rollup)."
    : items.length === 0 ? "No consumption in this span." : "";
}

function showCost(r) {
  const body = $("table-cost").querySelector("tbody");
  body.replaceChildren();
  if (!r) {
    $("cost-note").textContent = "No cost by tariff period (OT501) for this month.";
    return;
  }
  for (const p of r.periods) {
    const row = body.insertRow();
    row.insertCell().textContent = p.timeSlotName ? p.timeSlotName + " (" + p.periodKey + ")" : p.periodKey;
    row.insertCell().textContent = kwh(p.consumption);
    row.insertCell().textContent = Number(p.energyCost).toFixed(2) + " €";
  }
  $("cost-note").textContent = "In all " + kwh(r.totalConsumption) + " for " + Number(r.totalEnergyCost).toFixed(2)
    + " €" + (r.unpricedConsumption > 0 ? "; " + kwh(r.unpricedConsumption) + " without a tariff period." : ".");
}

function showWeather(r) {
  const figures = $("weather-figures");
  figures.replaceChildren();
  if (!r) {
    $("weather-note").textContent = "No weather dependence (OT701) for this month: it needs 30 days with both"
      + " consumption and temperature.";
    return;
  }
  const add = (term, value) => {
    figures.append(Object.assign(document.createElement("dt"), { textContent: term }),
      Object.assign(document.createElement("dd"), { textContent: value }));
  };
  add("Base load", kwh(r.baseload) + " a day");
  add("Heating share", Number(r.heatingShare).toFixed(1) + " % of your use");
  add("Cooling share", Number(r.coolingShare).toFixed(1) + " % of your use");
  add("Fit (r²)", Number(r.r2).toFixed(2) + " over " + r.numberOfDays + " days");
  $("weather-note").textContent = "";
}

function showQuality(answer) {
  const days = answer ? answer.items : [];
  if (days.length === 0) {
    $("quality-summary").textContent = "Your readings of this month have not been checked yet.";
    return;
  }
  const estimated = days.filter((d) => d.estimated > 0);
  const sum = (f) => days.reduce((s, d) => s + (d[f] || 0), 0);
  $("quality-summary").textContent = estimated.length === 0
    ? "All " + sum("actual") + " readings of the month's " + days.length + " days were checked and kept as sent."
    : estimated.length + " of " + days.length + " days hold estimated values (" + sum("estimated")
      + " readings estimated where the meter sent none or a faulty one: "
      + estimated.map((d) => d.date).join(", ") + ").";
}

async function show(contract) {
  $("message").hidden = true;
  const comparison = await latestComparison(contract);
  if (!comparison) {
    $("report").hidden = true;
    say("Contract " + contract + " has no results yet: your utility has not run its analytics for it.");
    return;
  }
  const month = comparison.month;
  const end = lastDayOf(month);
  const c = encodeURIComponent(contract);
  const first = dateText(new Date(Date.UTC(Math.floor(month / 100), month % 100 - 1, 1)));
  const [year, cost, weather, days, months, quality] = await Promise.all([
    monthResult("OT103", contract, month).catch(() => null),
    monthResult("OT501", contract, month).catch(() => null),
    monthResult("OT701", contract, month).catch(() => null),
    api("/v1/consumption/" + c + "?period=DAY&from=" + dateText(new Date(end - 29 * 86400000)) + "&to=" + dateText(end)),
    api("/v1/consumption/" + c + "?period=MONTH&from=" + dateText(new Date(Date.UTC(Math.floor(month / 100) - 1,
      month % 100 - 1, 1))) + "&to=" + dateText(end)),
    api("/v1/quality/" + c + "?from=" + first + "&to=" + dateText(end))
  ]);
  $("report").hidden = false;
  showComparison(comparison);
  showYear(year);
  showSeries("days", days, "kWh a day", "#d9822b", false);
  showSeries("months", months, "kWh a month", "#6b8fb3", true);
  showCost(cost);
  showWeather(weather);
  showQuality(quality);
}

async function signIn(event) {
  if (event) {
    event.preventDefault();
  }
  const key = $("key").value.trim();
  if (key) {
    sessionStorage.setItem(KEY, key);
  }
  const contract = $("contract").value.trim();
  history.replaceState(null, "", "/?contract=" + encodeURIComponent(contract));
  $("signout").hidden = false;
  try {
    await show(contract);
  } catch (e) {
    $("report").hidden = true;
    say(e instanceof Refused ? e.message : "Something went wrong reading your figures: " + e.message);
  }
}

$("signin").addEventListener("submit", signIn);
$("signout").addEventListener("click", () => {
  sessionStorage.removeItem(KEY);
  $("key").value = "";
  $("report").hidden = true;
  $("signout").hidden = true;
  say("Signed out.");
});
const asked = new URLSearchParams(location.search).get("contract");
if (asked) {
  $("contract").value = asked;
  if (sessionStorage.getItem(KEY)) {
    signIn();
  }
}
