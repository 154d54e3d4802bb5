// The dashboard's shell: routes the URL hash to a view (#/ the fleet, #/well/<id> a well, each
// with its window in the hash's query), loads the view with one request, keeps it live through
// the wellChanged subscription (or, where the service has none, a visible refresh timer), and
// shows every failure: 401/403 with the token prompt, an unreachable service with a retry.

import { ApiError, capabilities, metrics, setToken, token } from './api.js';
import { subscribe } from './live.js';
import * as fleet from './fleet.js';
import * as well from './well.js';

window.wellgateDashboard = metrics;

const main = document.getElementById('view');
const notice = document.getElementById('notice');
const liveStatus = document.getElementById('live-status');
const dialog = document.getElementById('token-dialog');
const tokenForm = document.getElementById('token-form');
const tokenMessage = document.getElementById('token-message');
const tokenButton = document.getElementById('token-button');

const settings = new URLSearchParams(location.search);
// Seconds between refreshes when live updates are unavailable (?refresh=N, at least 1).
const fallbackSeconds = Math.max(1, Number(settings.get('refresh')) || 10);
const RETRY_SECONDS = 10;

let caps = null;
let current = null; // { route, stopLive, timer, generation }
let generation = 0;

function route() {
	const hash = location.hash.replace(/^#/, '') || '/';
	const [path, query = ''] = hash.split('?');
	const params = new URLSearchParams(query);
	const match = path.match(/^\/well\/(.+)$/);
	if (match) {
		return { kind: 'well', id: decodeURIComponent(match[1]), params, view: well };
	}
	return { kind: 'fleet', params, view: fleet };
}

function navigate(hash) {
	if (location.hash !== hash) {
		location.hash = hash;
	}
}

function showNotice(kind, message, details = []) {
	notice.hidden = !message;
	notice.className = `notice ${kind}`;
	notice.innerHTML = '';
	if (message) {
		const text = document.createElement('p');
		text.textContent = message;
		notice.append(text);
		if (details.length) {
			const list = document.createElement('ul');
			for (const detail of details) {
				const item = document.createElement('li');
				item.textContent = detail;
				list.append(item);
			}
			notice.append(list);
		}
	}
}

function setLive(state, text) {
	metrics.live = state;
	liveStatus.dataset.state = state;
	liveStatus.textContent = text;
}

function stop() {
	if (current) {
		current.stopped = true;
		if (current.route.kind === 'well') {
			well.leave();
		}
		if (current.stopLive) {
			current.stopLive();
		}
		clearInterval(current.timer);
		clearTimeout(current.pending);
	}
}

// Re-rendering replaces the view's markup; keep the keyboard where the user left it.
function focusKey() {
	const active = document.activeElement;
	if (!active || !main.contains(active)) {
		return null;
	}
	return active.name ? `[name="${active.name}"]` : active.getAttribute('href') ? `a[href="${CSS.escape(active.getAttribute('href'))}"]` : null;
}

async function refresh(view) {
	const sent = metrics.requests;
	try {
		if (!caps) {
			caps = await capabilities();
		}
		const result = view.route.kind === 'well'
			? await well.load(view.route.params, caps, view.route.id)
			: await fleet.load(view.route.params, caps);
		if (view.stopped) {
			return false;
		}
		const focus = focusKey();
		view.route.view.render(main, result, caps, navigate, view.route.params);
		if (focus && main.querySelector(focus)) {
			main.querySelector(focus).focus();
		}
		metrics.lastRenderMs = performance.now();
		metrics.loadRequests = metrics.requests - sent;
		if (metrics.firstRenderMs === null) {
			metrics.firstRenderMs = metrics.lastRenderMs;
			metrics.firstLoadRequests = metrics.loadRequests;
		}
		main.dataset.rendered = String(++view.renders);
		showNotice('warning', result.errors && result.errors.length ? 'The API reported errors; what it could read is shown:' : '', result.errors || []);
		return true;
	} catch (failure) {
		if (view.stopped) {
			return false;
		}
		if (!(failure instanceof ApiError)) {
			showNotice('error', `The dashboard failed: ${failure.message}`);
			throw failure;
		}
		if (failure.kind === 'unauthorized' || failure.kind === 'forbidden') {
			showNotice('error', failure.message);
			askForToken(failure.message);
		} else if (failure.kind === 'unreachable') {
			showNotice('error', `${failure.message} Retrying in ${RETRY_SECONDS} s.`);
		} else {
			showNotice('error', failure.message, failure.details);
		}
		main.dataset.failed = failure.kind;
		return false;
	}
}

function fallback(view, why) {
	if (view.stopped) {
		return;
	}
	clearInterval(view.timer);
	let left = fallbackSeconds;
	const tick = () => setLive('polling', `Live updates unavailable (${why}); refreshing every ${fallbackSeconds} s, next in ${left} s.`);
	tick();
	view.timer = setInterval(async () => {
		left -= 1;
		if (left <= 0) {
			left = fallbackSeconds;
			await refresh(view);
		}
		tick();
	}, 1000);
}

function goLive(view) {
	if (!caps || !caps.wellChanged) {
		fallback(view, 'this service offers no subscriptions');
		return;
	}
	const ids = view.route.kind === 'well' ? [view.route.id] : null;
	// A burst of pushes (a fleet's minute batch is one push per well) reloads the view once, and
	// reloads start at most once a second.
	let queued = null;
	let last = 0;
	view.stopLive = subscribe('subscription DashboardLive($ids: [ID!]) { wellChanged(ids: $ids, minIntervalMs: 1000) { well { id } committedAt } }',
		{ ids }, {
			onOpen: () => setLive('live', 'Live: updates as samples arrive.'),
			onNext: () => {
				if (queued) {
					return;
				}
				queued = setTimeout(async () => {
					last = performance.now();
					queued = null;
					if (await refresh(view)) {
						setLive('live', `Live: updated ${new Date().toISOString().slice(11, 19)} UTC.`);
					}
				}, Math.max(100, 1000 - (performance.now() - last)));
				view.pending = queued;
			},
			onError: (why) => {
				view.stopLive = null;
				fallback(view, why);
			},
		});
}

async function open() {
	stop();
	metrics.viewRequests = 0;
	const view = { route: route(), stopped: false, renders: 0 };
	current = view;
	main.dataset.view = view.route.kind;
	delete main.dataset.failed;
	document.title = view.route.kind === 'well' ? `${view.route.id} · wellgate` : 'Fleet · wellgate';
	setLive('starting', 'Loading…');
	showNotice('', '');
	const loaded = await refresh(view);
	if (view.stopped) {
		return;
	}
	if (!loaded && main.dataset.failed === 'unreachable') {
		view.timer = setTimeout(open, RETRY_SECONDS * 1000);
		setLive('off', 'Not connected.');
		return;
	}
	if (!loaded && (main.dataset.failed === 'unauthorized' || main.dataset.failed === 'forbidden')) {
		setLive('off', 'Waiting for a token.');
		return;
	}
	goLive(view);
}

function askForToken(message) {
	tokenMessage.textContent = message || 'Reads of this wellgate may need a token. It is kept for this browser tab only (sessionStorage).';
	tokenForm.elements.token.value = token();
	if (!dialog.open) {
		dialog.showModal();
	}
	tokenForm.elements.token.focus();
}

tokenButton.addEventListener('click', () => askForToken(''));
tokenForm.addEventListener('submit', (event) => {
	event.preventDefault();
	const action = event.submitter ? event.submitter.value : 'save';
	if (action === 'cancel') {
		dialog.close();
		return;
	}
	setToken(action === 'clear' ? '' : tokenForm.elements.token.value.trim());
	tokenButton.textContent = token() ? 'Token: set' : 'Token';
	dialog.close();
	caps = null;
	open();
});
tokenButton.textContent = token() ? 'Token: set' : 'Token';

window.addEventListener('hashchange', open);
open();
