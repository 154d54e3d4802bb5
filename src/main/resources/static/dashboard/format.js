// Formatting and window helpers shared by the views. Numbers are shown as the API answers them,
// only rounded for display.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// One formatter per number of decimals: toLocaleString builds a new one on every call, which
// costs tens of milliseconds over a fleet of 1,000 wells.
const formatters = new Map();

export function num(value, digits = 1) {
	if (value === null || value === undefined) {
		return '—';
	}
	let format = formatters.get(digits);
	if (!format) {
		format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
		formatters.set(digits, format);
	}
	return format.format(value);
}

export function utc(instant) {
	if (!instant) {
		return '—';
	}
	return `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A short UTC time (MM-DD HH:MM) for tight tables; the full instant is in the title. */
export function utcShort(instant) {
	return instant ? new Date(instant).toISOString().slice(5, 16).replace('T', ' ') : '—';
}

export function seconds(value) {
	if (value === null || value === undefined) {
		return '—';
	}
	if (Math.abs(value) < 120) {
		return `${num(value, 0)} s`;
	}
	return Math.abs(value) < 7200 ? `${num(value / 60, 0)} min` : `${num(value / 3600, 1)} h`;
}

export const WINDOWS = {
	'24h': { hours: 24, days: 1, label: 'last 24 h' },
	'7d': { hours: 168, days: 7, label: 'last 7 days' },
	'30d': { hours: 720, days: 30, label: 'last 30 days' },
};

/** The window a view's parameters name: a relative preset, or a custom from/to (UTC, from < to). */
export function windowOf(params) {
	if (params.get('window') === 'custom' || (params.get('from') && params.get('to'))) {
		const from = new Date(params.get('from') || '');
		const to = new Date(params.get('to') || '');
		if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
			return { key: 'custom', error: 'A custom window needs a valid "from" and "to" (UTC date and time).' };
		}
		if (from >= to) {
			return { key: 'custom', error: 'A custom window needs "from" before "to".' };
		}
		return { key: 'custom', from: from.toISOString(), to: to.toISOString(), hours: null, days: null,
			label: `${utc(from)} to ${utc(to)}` };
	}
	const key = WINDOWS[params.get('window')] ? params.get('window') : '24h';
	return { key, ...WINDOWS[key], from: null, to: null };
}

/** The window picker, the same on both views; a custom window shows its two UTC inputs. */
export function windowPicker(win) {
	const options = Object.entries(WINDOWS).map(([key, value]) =>
		`<option value="${key}"${win.key === key ? ' selected' : ''}>${esc(value.label)}</option>`).join('');
	const local = (iso) => (iso ? iso.slice(0, 16) : '');
	return `<label>Window
      <select name="window" aria-label="Time window">${options}<option value="custom"${win.key === 'custom' ? ' selected' : ''}>custom…</option></select></label>
    <span class="custom" ${win.key === 'custom' ? '' : 'hidden'}>
      <label>From (UTC) <input type="datetime-local" name="from" value="${esc(local(win.from))}"></label>
      <label>To (UTC) <input type="datetime-local" name="to" value="${esc(local(win.to))}"></label>
      <button type="submit">Apply</button>
    </span>`;
}

/** Reads the picker's form into hash parameters (custom inputs are UTC). */
export function windowParams(form, params) {
	const key = form.elements.window.value;
	params.delete('from');
	params.delete('to');
	params.set('window', key);
	if (key === 'custom') {
		for (const name of ['from', 'to']) {
			const value = form.elements[name].value;
			const instant = value ? new Date(`${value.length === 16 ? `${value}:00` : value}Z`) : null;
			if (instant && !Number.isNaN(instant.getTime())) {
				params.set(name, instant.toISOString().replace('.000Z', 'Z'));
			}
		}
	}
	return params;
}
