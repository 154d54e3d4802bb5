// The well view: hourly charts (average line, min-max band) of six metrics, daily statistics with
// median and standard deviation, hourly efficiency and health with anomaly counts, the window's
// diagnostics and the well's metadata. One GraphQL request loads the window; every number shown
// is one the API answered.

import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { graphql } from './api.js';
import { esc, num, utc, windowOf, windowPicker, windowParams } from './format.js';

export const METRICS = [
	{ key: 'flowRate', label: 'Flow rate', unit: 'bbl/d', digits: 0 },
	{ key: 'intakePressure', label: 'Intake pressure', unit: 'psi', digits: 0 },
	{ key: 'dischargePressure', label: 'Discharge pressure', unit: 'psi', digits: 0 },
	{ key: 'motorCurrent', label: 'Motor current', unit: 'A', digits: 1 },
	{ key: 'motorTemperature', label: 'Motor temperature', unit: '°F', digits: 1 },
	{ key: 'vibration', label: 'Vibration', unit: 'g', digits: 3 },
];

function document(caps) {
	const range = METRICS.map((m) => `${m.key} { avg min max }`).join(' ');
	const distribution = METRICS.map((m) => `${m.key} { median stddev }`).join(' ');
	const metadata = caps.metadata.join(' ');
	const latest = caps.latest ? 'latest { time flowRate intakePressure dischargePressure motorCurrent motorTemperature vibration }' : '';
	const w = 'hours: $hours, from: $from, to: $to';
	const d = 'days: $days, from: $from, to: $to';
	return `query DashboardWell($id: ID!, $hours: Int, $days: Int, $from: DateTime, $to: DateTime) {
  well(id: $id) {
    id
    name
    field
    ${metadata}
    ${latest}
    hourly(${w}) { bucket samples ${range} }
    daily(${d}) { day samples ${distribution} }
    performance(${w}) { bucket samples efficiencyScore healthScore anomalyCount }
    performanceSummary(${w}) { samples efficiencyScore healthScore anomalyCount }
    diagnostics(${d}) { day total bySeverity { low medium high critical } byType { type count } confidence { avg min max } }
  }
}`;
}

export async function load(params, caps, id) {
	const win = windowOf(params);
	if (win.error) {
		return { id, win, invalid: win.error };
	}
	const { data, errors } = await graphql(document(caps), { id, hours: win.hours, days: win.days, from: win.from, to: win.to });
	return { id, win, data, errors };
}

const charts = new Set();
const resize = new ResizeObserver((entries) => {
	for (const entry of entries) {
		const chart = entry.target.chart;
		if (chart) {
			chart.setSize({ width: Math.max(240, entry.contentRect.width), height: 180 });
		}
	}
});

function destroyCharts() {
	for (const chart of charts) {
		resize.unobserve(chart.root.parentElement);
		chart.destroy();
	}
	charts.clear();
}

function chart(figure, x, series, yUnit) {
	const width = Math.max(240, figure.clientWidth || 480);
	const options = {
		width,
		height: 180,
		series: [{ value: (u, v) => (v === null ? '—' : utc(v * 1000)) }, ...series.map((s) => ({
			label: s.label, stroke: s.stroke, width: s.width ?? 1.5, fill: s.fill, scale: s.scale || 'y',
			value: (u, v) => (v === null ? '—' : num(v, s.digits ?? 1)), paths: s.paths, points: { show: x.length < 60 },
		}))],
		bands: series.bands,
		scales: { x: { time: true } },
		axes: [{}, { label: yUnit, size: 60 }, ...(series.some((s) => s.scale === 'count') ? [{ scale: 'count', side: 1, grid: { show: false }, label: 'anomalies' }] : [])],
		legend: { live: true },
	};
	const data = [x, ...series.map((s) => s.values)];
	const plot = new uPlot(options, data, figure);
	figure.chart = plot;
	resize.observe(figure);
	charts.add(plot);
}

function hourlyCharts(main, hourly) {
	const x = hourly.map((b) => Date.parse(b.bucket) / 1000);
	for (const metric of METRICS) {
		const figure = main.querySelector(`figure[data-metric="${metric.key}"] .plot`);
		const series = [
			{ label: 'max', stroke: 'rgba(37,99,235,0.35)', width: 1, values: hourly.map((b) => b[metric.key].max), digits: metric.digits },
			{ label: 'avg', stroke: '#1d4ed8', width: 2, values: hourly.map((b) => b[metric.key].avg), digits: metric.digits },
			{ label: 'min', stroke: 'rgba(37,99,235,0.35)', width: 1, values: hourly.map((b) => b[metric.key].min), digits: metric.digits },
		];
		series.bands = [{ series: [1, 3], fill: 'rgba(37,99,235,0.12)' }];
		chart(figure, x, series, metric.unit);
	}
}

function performanceChart(main, performance) {
	const figure = main.querySelector('figure[data-metric="performance"] .plot');
	const x = performance.map((p) => Date.parse(p.bucket) / 1000);
	const bars = uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 40] }) : undefined;
	chart(figure, x, [
		{ label: 'efficiency', stroke: '#047857', width: 2, values: performance.map((p) => p.efficiencyScore) },
		{ label: 'health', stroke: '#7c3aed', width: 2, values: performance.map((p) => p.healthScore) },
		{ label: 'anomalies', stroke: '#b91c1c', fill: 'rgba(185,28,28,0.25)', scale: 'count', paths: bars, values: performance.map((p) => p.anomalyCount), digits: 0 },
	], 'score (0-100)');
}

function figureHtml(key, title, points, description) {
	return `<figure class="chart" data-metric="${key}" data-points="${points}">
      <figcaption id="cap-${key}">${esc(title)}</figcaption>
      <div class="plot" role="img" aria-labelledby="cap-${key}" aria-describedby="desc-${key}"></div>
      <p class="sr-only" id="desc-${key}">${esc(description)}</p></figure>`;
}

function rangeDescription(metric, hourly) {
	const avgs = hourly.map((b) => b[metric.key].avg).filter((v) => v !== null);
	if (avgs.length === 0) {
		return `No ${metric.label.toLowerCase()} measured in the window.`;
	}
	return `${hourly.length} hourly buckets; hourly averages from ${num(Math.min(...avgs), metric.digits)} to ${num(Math.max(...avgs), metric.digits)} ${metric.unit}; the band is each hour's minimum to maximum.`;
}

function dailyTable(daily) {
	const head = METRICS.map((m) => `<th scope="col">${esc(m.label)} (${esc(m.unit)})<br><small>median ± σ</small></th>`).join('');
	const rows = daily.map((d) => `<tr><th scope="row">${esc(d.day)}</th><td class="num">${d.samples}</td>${METRICS.map((m) =>
		`<td class="num">${num(d[m.key].median, m.digits)} <small>± ${num(d[m.key].stddev, m.digits + 1)}</small></td>`).join('')}</tr>`).join('');
	return `<div class="scroll"><table class="compact daily"><caption>Daily statistics (UTC days)</caption>
    <thead><tr><th scope="col">Day</th><th scope="col">Samples</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function diagnosticsTable(diagnostics) {
	if (diagnostics.length === 0) {
		return '<p class="muted">No diagnostic findings in the window.</p>';
	}
	const rows = diagnostics.map((d) => `<tr><th scope="row">${esc(d.day)}</th><td class="num">${d.total}</td>
      ${['low', 'medium', 'high', 'critical'].map((s) => `<td class="num sev-${s}">${d.bySeverity[s]}</td>`).join('')}
      <td>${d.byType.map((t) => `${esc(t.type)} ${t.count}`).join(', ')}</td><td class="num">${num(d.confidence.avg, 2)}</td></tr>`).join('');
	return `<div class="scroll"><table class="compact diagnostics"><caption>Diagnostic findings per day</caption>
    <thead><tr><th scope="col">Day</th><th scope="col">Total</th><th scope="col">low</th><th scope="col">medium</th><th scope="col">high</th><th scope="col">critical</th><th scope="col">Types</th><th scope="col">Avg. confidence</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}

function metadata(well, caps) {
	const labels = { pumpModel: 'Pump model', installedAt: 'Installed', firstSampleAt: 'First sample', lastSampleAt: 'Last sample' };
	const items = [['Id', well.id], ['Name', well.name], ['Oil field', well.field], ...caps.metadata.map((name) =>
		[labels[name], name.endsWith('SampleAt') ? utc(well[name]) : well[name]])];
	let latest = '';
	if (caps.latest) {
		const l = well.latest;
		latest = l ? `<p class="reading" data-reading="latest" data-time="${esc(l.time)}" data-flow="${esc(l.flowRate)}">Latest sample ${esc(utc(l.time))}: ${METRICS.map((m) => `${m.label} ${num(l[m.key], m.digits)} ${m.unit}`).join(' · ')}</p>` : '<p class="muted">No sample yet.</p>';
	} else if (well.hourly.length) {
		const last = well.hourly[well.hourly.length - 1];
		latest = `<p class="reading" data-reading="hourly" data-time="${esc(last.bucket)}" data-flow="${esc(last.flowRate.avg)}">Last hour's averages (hour from ${esc(utc(last.bucket))}): ${METRICS.map((m) => `${m.label} ${num(last[m.key].avg, m.digits)} ${m.unit}`).join(' · ')}</p>`;
	}
	return `<dl class="meta">${items.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v ?? '—')}</dd></div>`).join('')}</dl>${latest}`;
}

export function render(main, result, caps, navigate, params) {
	destroyCharts();
	const well = result.data && result.data.well;
	const title = well ? (well.name || well.id) : result.id;
	const summary = well && well.performanceSummary;
	main.innerHTML = `<p class="crumbs"><a href="#/">← Fleet</a></p>
  <h1 class="view-title">Well ${esc(title)}</h1>
  <form class="controls" aria-label="Well view settings">${windowPicker(result.win)}</form>
  ${result.invalid ? `<p class="error" role="alert">${esc(result.invalid)}</p>` : ''}
  ${result.data && !well && !result.errors.length ? `<p class="error" role="alert">No well with the id "${esc(result.id)}" is known to this service.</p>` : ''}
  ${well ? `<section class="panel" aria-labelledby="meta-title"><h2 id="meta-title">Well</h2>${metadata(well, caps)}
    <p class="summary">Over the ${esc(result.win.label)}: efficiency <strong data-summary="efficiency">${num(summary.efficiencyScore)}</strong>,
      health <strong data-summary="health">${num(summary.healthScore)}</strong>, <strong>${summary.anomalyCount}</strong> anomalous of ${summary.samples} samples.</p></section>
  <section class="panel" aria-labelledby="hourly-title"><h2 id="hourly-title">Hourly, ${esc(result.win.label)}</h2>
    <div class="charts">${METRICS.map((m) => figureHtml(m.key, `${m.label} (${m.unit}): hourly average, min-max band`, well.hourly.length, rangeDescription(m, well.hourly))).join('')}
    ${figureHtml('performance', 'Efficiency and health (0-100) and anomalous samples per hour', well.performance.length,
		`${well.performance.length} hourly buckets of efficiency and health scores and anomaly counts.`)}</div></section>
  <section class="panel" aria-labelledby="daily-title"><h2 id="daily-title">Daily statistics</h2>${dailyTable(well.daily)}</section>
  <section class="panel" aria-labelledby="diag-title"><h2 id="diag-title">Diagnostics</h2>${diagnosticsTable(well.diagnostics)}</section>` : ''}`;
	if (well) {
		hourlyCharts(main, well.hourly);
		performanceChart(main, well.performance);
	}
	const form = main.querySelector('form');
	const apply = () => navigate(`#/well/${encodeURIComponent(result.id)}?${windowParams(form, new URLSearchParams(params))}`);
	form.addEventListener('change', () => {
		const custom = form.elements.window.value === 'custom';
		form.querySelector('.custom').hidden = !custom;
		if (!custom) {
			apply();
		}
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		apply();
	});
}

export function leave() {
	destroyCharts();
}
