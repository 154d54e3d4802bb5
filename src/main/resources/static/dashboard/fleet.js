// The fleet view: every well ranked by health or efficiency over a window, each with its current
// reading, a 24 h flow sparkline and its anomaly count; the fleet's diagnostics of the last 7 days;
// each aggregate's freshness. One batched GraphQL request loads all of it.

import { graphql, metrics } from './api.js';
import { esc, num, seconds, utc, utcShort, windowOf, windowPicker, windowParams } from './format.js';

const LIMIT = 1000;
const SEVERITIES = ['low', 'medium', 'high', 'critical'];

function document(caps) {
	const field = caps.fieldFilter ? ', $field: String' : '';
	const fieldArg = caps.fieldFilter ? ', field: $field' : '';
	const reading = caps.latest ? 'latest { time flowRate intakePressure motorCurrent motorTemperature }' : '';
	return `query DashboardFleet($by: RankBy!, $hours: Int, $from: DateTime, $to: DateTime${field}) {
  wellRanking(by: $by, hours: $hours, from: $from, to: $to, limit: ${LIMIT}${fieldArg}) {
    rank
    score
    well { id name field ${reading} }
    summary { samples efficiencyScore healthScore anomalyCount }
  }
  wells(first: ${LIMIT}${fieldArg}) { edges { node { id name field } } pageInfo { hasNextPage } }
  diagnosticSummary(days: 7${fieldArg}) { day well { id field } total bySeverity { low medium high critical } byType { type count } }
  aggregateStatus { name watermark lagSeconds pendingInvalidations lastRefreshAt lastRefreshOutcome }
  ${caps.oilFields ? 'fields { name wellCount }' : ''}
}`;
}

// The 24 h series behind the sparklines (and, without Well.latest, the current reading: the
// last hourly bucket's averages, labelled as such). They are most of the fleet's bytes and read
// time, so they come in a second request, after the ranking, and fill it in.
function seriesDocument(caps) {
	const field = caps.fieldFilter ? '($field: String)' : '';
	const fieldArg = caps.fieldFilter ? ', field: $field' : '';
	const metrics = caps.latest ? 'flowRate { avg }'
		: 'flowRate { avg } intakePressure { avg } motorCurrent { avg } motorTemperature { avg }';
	return `query DashboardFleetSeries${field} {
  wells(first: ${LIMIT}${fieldArg}) { edges { node { id spark: hourly(hours: 24) { bucket ${metrics} } } } }
}`;
}

export async function load(params, caps) {
	const win = windowOf(params);
	if (win.error) {
		return { win, invalid: win.error };
	}
	const by = params.get('by') === 'EFFICIENCY' ? 'EFFICIENCY' : 'HEALTH';
	const variables = { by, hours: win.hours, from: win.from, to: win.to };
	const oilField = params.get('field') || '';
	if (caps.fieldFilter && oilField) {
		variables.field = oilField;
	}
	const { data, errors } = await graphql(document(caps), variables);
	// Sent once the ranking is in, so that the two reads do not share the server's cores; it is
	// read while the ranking renders.
	const series = graphql(seriesDocument(caps), variables.field ? { field: variables.field } : {});
	series.catch(() => {}); // reported where the series are awaited, in render
	return { win, by, oilField, data, errors, series };
}

// Without the field argument, the rows are filtered here by each well's own field (no number changes).
function inField(result, caps, well) {
	return caps.fieldFilter || !result.oilField || well.field === result.oilField;
}

function fieldNames(result) {
	if (result.data.fields) {
		return result.data.fields.map((f) => ({ name: f.name, label: `${f.name} (${f.wellCount})` }));
	}
	const names = [...new Set(result.data.wells.edges.map((e) => e.node.field).filter(Boolean))].sort();
	return names.map((name) => ({ name, label: name }));
}

function sparkline(buckets) {
	const width = 120;
	const height = 28;
	const points = buckets.filter((b) => b.flowRate.avg !== null);
	if (points.length === 0) {
		return '<span class="muted">no data</span>';
	}
	const values = points.map((b) => b.flowRate.avg);
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const t0 = Date.now() - 24 * 3600e3;
	const x = (b) => Math.max(0, Math.min(width, ((Date.parse(b.bucket) - t0) / (24 * 3600e3)) * width));
	const y = (v) => (hi === lo ? height / 2 : height - 2 - ((v - lo) / (hi - lo)) * (height - 4));
	const path = points.map((b, i) => `${i ? 'L' : 'M'}${x(b).toFixed(1)},${y(b.flowRate.avg).toFixed(1)}`).join('');
	const label = `Flow rate, hourly averages of the last 24 h: ${points.length} hours, from ${num(lo, 0)} to ${num(hi, 0)} bbl/d`;
	return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}" data-points="${points.length}"><path d="${path}"/></svg>`;
}

function reading(well, caps, spark) {
	if (caps.latest) {
		const l = well.latest;
		if (!l) {
			return '<span class="muted">no sample yet</span>';
		}
		return `<span class="reading" data-reading="latest" data-time="${esc(l.time)}" data-flow="${esc(l.flowRate)}">`
			+ `${num(l.flowRate)} bbl/d · ${num(l.intakePressure, 0)} psi · ${num(l.motorCurrent)} A · ${num(l.motorTemperature)} °F`
			+ `<small>sample at ${esc(utc(l.time))}</small></span>`;
	}
	const last = spark[spark.length - 1];
	if (!last) {
		return '<span class="muted">no data in 24 h</span>';
	}
	return `<span class="reading" data-reading="hourly" data-time="${esc(last.bucket)}" data-flow="${esc(last.flowRate.avg)}">`
		+ `${num(last.flowRate.avg)} bbl/d · ${num(last.intakePressure.avg, 0)} psi · ${num(last.motorCurrent.avg)} A · ${num(last.motorTemperature.avg)} °F`
		+ `<small>average of the hour from ${esc(utc(last.bucket))}</small></span>`;
}

function rankingTable(result, caps) {
	const rows = result.data.wellRanking.filter((r) => inField(result, caps, r.well));
	const scoreName = result.by === 'HEALTH' ? 'Health' : 'Efficiency';
	const otherName = result.by === 'HEALTH' ? 'Efficiency' : 'Health';
	const other = (s) => (result.by === 'HEALTH' ? s.efficiencyScore : s.healthScore);
	const body = rows.map((r) => `<tr data-well="${esc(r.well.id)}">
      <td class="num">${r.rank}</td>
      <th scope="row"><a href="#/well/${encodeURIComponent(r.well.id)}?window=${esc(result.win.key === 'custom' ? '24h' : result.win.key)}">${esc(r.well.name || r.well.id)}</a>
        <small>${esc(r.well.id)}${r.well.field ? ` · ${esc(r.well.field)}` : ''}</small></th>
      <td class="num score" data-score="${esc(r.score)}">${num(r.score)}</td>
      <td class="num">${num(other(r.summary))}</td>
      <td class="current">${caps.latest ? reading(r.well, caps) : '<span class="muted">…</span>'}</td>
      <td class="trend"><span class="muted">…</span></td>
      <td class="num anomalies">${r.summary.anomalyCount}<small> of ${r.summary.samples}</small></td>
    </tr>`).join('');
	return `<div class="scroll"><table class="ranking" aria-describedby="ranking-caption">
    <caption id="ranking-caption">${rows.length} wells ranked by ${scoreName.toLowerCase()} over the ${esc(result.win.label)} (best first)</caption>
    <thead><tr><th scope="col">Rank</th><th scope="col">Well</th><th scope="col">${scoreName}</th><th scope="col">${otherName}</th>
      <th scope="col">Current reading<small>flow · intake · current · motor temp.</small></th><th scope="col">Flow, 24 h</th><th scope="col">Anomalies</th></tr></thead>
    <tbody>${body}</tbody></table></div>`;
}

function withoutData(result, caps) {
	const ranked = new Set(result.data.wellRanking.map((r) => r.well.id));
	const idle = result.data.wells.edges.map((e) => e.node).filter((w) => !ranked.has(w.id) && inField(result, caps, w));
	const more = result.data.wells.pageInfo.hasNextPage ? `<p class="warning">The fleet has more than ${LIMIT} wells; the first ${LIMIT} by id are listed.</p>` : '';
	if (idle.length === 0) {
		return more;
	}
	return `${more}<p class="idle">No data in this window: ${idle.map((w) => `<a href="#/well/${encodeURIComponent(w.id)}">${esc(w.name || w.id)}</a>`).join(', ')}</p>`;
}

// The API answers one row per well and day; the fleet's totals are sums of those counts.
function diagnostics(result, caps) {
	const rows = result.data.diagnosticSummary.filter((d) => inField(result, caps, d.well));
	const days = new Map();
	const types = new Map();
	for (const row of rows) {
		const day = days.get(row.day) || { total: 0, low: 0, medium: 0, high: 0, critical: 0 };
		day.total += row.total;
		SEVERITIES.forEach((s) => { day[s] += row.bySeverity[s]; });
		days.set(row.day, day);
		row.byType.forEach((t) => types.set(t.type, (types.get(t.type) || 0) + t.count));
	}
	const dayRows = [...days.entries()].map(([day, d]) => `<tr><th scope="row">${esc(day)}</th><td class="num">${d.total}</td>${SEVERITIES.map((s) => `<td class="num sev-${s}">${d[s]}</td>`).join('')}</tr>`).join('');
	const typeRows = [...types.entries()].sort((a, b) => b[1] - a[1]).map(([type, count]) => `<tr><th scope="row">${esc(type)}</th><td class="num">${count}</td></tr>`).join('');
	return `<section class="panel" aria-labelledby="diag-title"><h2 id="diag-title">Diagnostics, last 7 days</h2>
    ${rows.length === 0 ? '<p class="muted">No findings in the last 7 days.</p>' : `
    <div class="scroll"><table class="compact"><caption>Findings per day and severity</caption>
      <thead><tr><th scope="col">Day</th><th scope="col">Total</th>${SEVERITIES.map((s) => `<th scope="col">${s}</th>`).join('')}</tr></thead><tbody>${dayRows}</tbody></table></div>
    <div class="scroll"><table class="compact"><caption>Findings per type</caption>
      <thead><tr><th scope="col">Type</th><th scope="col">Findings</th></tr></thead><tbody>${typeRows}</tbody></table></div>`}
  </section>`;
}

export function freshness(statuses) {
	const rows = statuses.map((s) => `<tr><th scope="row">${esc(s.name)}</th><td title="${esc(utc(s.watermark))}">${esc(utcShort(s.watermark))}</td>
      <td class="num">${esc(seconds(s.lagSeconds))}</td><td class="num">${s.pendingInvalidations}</td>
      <td title="${esc(utc(s.lastRefreshAt))}">${esc(utcShort(s.lastRefreshAt))}</td></tr>`).join('');
	return `<section class="panel" aria-labelledby="fresh-title"><h2 id="fresh-title">Aggregate freshness</h2>
    <div class="scroll"><table class="compact freshness"><caption>Times in UTC. Reads are exact whatever the lag; it tells how much is computed on the fly.</caption>
      <thead><tr><th scope="col">Aggregate</th><th scope="col">Watermark</th><th scope="col">Lag</th><th scope="col">Pending</th><th scope="col">Last refresh</th></tr></thead>
      <tbody>${rows}</tbody></table></div></section>`;
}

let loads = 0;

async function fillSeries(main, result, caps) {
	const load = String(++loads);
	main.dataset.seriesLoad = load;
	const table = main.querySelector('table.ranking');
	try {
		const { data } = await result.series;
		if (main.dataset.seriesLoad !== load || !table) {
			return;
		}
		const spark = new Map(data.wells.edges.map((e) => [e.node.id, e.node.spark]));
		for (const row of table.tBodies[0].rows) {
			const buckets = spark.get(row.dataset.well) || [];
			row.cells[5].innerHTML = sparkline(buckets);
			if (!caps.latest) {
				row.cells[4].innerHTML = reading(null, caps, buckets);
			}
		}
		main.dataset.series = 'done';
		metrics.lastSeriesMs = performance.now();
		if (metrics.firstSeriesMs === null) {
			metrics.firstSeriesMs = metrics.lastSeriesMs;
		}
	} catch (failure) {
		if (main.dataset.seriesLoad === load && table) {
			table.caption.insertAdjacentHTML('beforeend', ` <span class="error">The 24 h series could not be read: ${esc(failure.message)}</span>`);
			main.dataset.series = 'failed';
		}
	}
}

// A refresh re-renders the ranking; until its series arrive, each well keeps the cells it had.
function previousSeries(main) {
	const cells = new Map();
	const table = main.querySelector('table.ranking');
	if (table) {
		for (const row of table.tBodies[0].rows) {
			cells.set(row.dataset.well, [row.cells[4].innerHTML, row.cells[5].innerHTML]);
		}
	}
	return cells;
}

export function render(main, result, caps, navigate, params) {
	const previous = previousSeries(main);
	const fields = result.data ? fieldNames(result) : [];
	const fieldOptions = ['<option value="">all fields</option>', ...fields.map((f) =>
		`<option value="${esc(f.name)}"${f.name === result.oilField ? ' selected' : ''}>${esc(f.label)}</option>`)].join('');
	main.innerHTML = `<h1 class="view-title">Fleet</h1>
  <form class="controls" aria-label="Fleet view settings">
    <label>Rank by <select name="by"><option value="HEALTH"${result.by !== 'EFFICIENCY' ? ' selected' : ''}>health</option>
      <option value="EFFICIENCY"${result.by === 'EFFICIENCY' ? ' selected' : ''}>efficiency</option></select></label>
    <label>Oil field <select name="field">${fieldOptions}</select></label>
    ${windowPicker(result.win)}
  </form>
  ${result.invalid ? `<p class="error" role="alert">${esc(result.invalid)}</p>` : ''}
  ${result.data ? `<section class="panel wide" aria-label="Ranking">${rankingTable(result, caps)}${withoutData(result, caps)}</section>
  <div class="side">${diagnostics(result, caps)}${freshness(result.data.aggregateStatus)}</div>` : ''}`;
	for (const row of main.querySelectorAll('table.ranking tbody tr')) {
		const kept = previous.get(row.dataset.well);
		if (kept) {
			if (!caps.latest) {
				row.cells[4].innerHTML = kept[0];
			}
			row.cells[5].innerHTML = kept[1];
		}
	}
	if (result.series) {
		fillSeries(main, result, caps);
	}
	const form = main.querySelector('form');
	const apply = () => {
		const next = windowParams(form, new URLSearchParams(params));
		next.set('by', form.elements.by.value);
		if (form.elements.field.value) {
			next.set('field', form.elements.field.value);
		} else {
			next.delete('field');
		}
		navigate(`#/?${next}`);
	};
	form.addEventListener('change', (event) => {
		const custom = form.elements.window.value === 'custom';
		form.querySelector('.custom').hidden = !custom;
		if (!custom || event.target.name === 'by' || event.target.name === 'field') {
			apply();
		}
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		apply();
	});
}
