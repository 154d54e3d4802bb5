// wellgate's GraphQL API as the dashboard uses it: one POST per operation, the session's token
// (if any) as a bearer token, and every failure turned into an ApiError whose message a person
// can act on (401, 403, unreachable, the API's own errors). Nothing is swallowed.

const TOKEN_KEY = 'wellgate.token';

export const metrics = {
	// Requests sent since the page loaded and since the current view opened (HTTP + subscriptions).
	requests: 0,
	viewRequests: 0,
	// Requests the page's first load and the latest load of the view took (a push reloads the view).
	firstLoadRequests: null,
	loadRequests: null,
	firstRenderMs: null,
	lastRenderMs: null,
	// The fleet's sparklines, filled in by a second request sent with the first.
	firstSeriesMs: null,
	lastSeriesMs: null,
	live: 'starting',
};

export class ApiError extends Error {
	constructor(kind, message, details = []) {
		super(message);
		this.kind = kind; // unauthorized | forbidden | unreachable | api | http
		this.details = details;
	}
}

export function token() {
	return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
	if (value) {
		sessionStorage.setItem(TOKEN_KEY, value);
	} else {
		sessionStorage.removeItem(TOKEN_KEY);
	}
}

export function countRequest() {
	metrics.requests++;
	metrics.viewRequests++;
}

function refused(status, serverMessage) {
	const said = serverMessage ? ` The service said: ${serverMessage}` : '';
	if (status === 403) {
		return new ApiError('forbidden', `Access denied (403): the token is valid but may not read this.${said}`);
	}
	return token()
		? new ApiError('unauthorized', `The token was refused (401): it is invalid or has expired. Enter another one.${said}`)
		: new ApiError('unauthorized', `This wellgate needs a token to read (401). Enter one; it is kept for this browser tab only.${said}`);
}

/** Runs one GraphQL operation; resolves to { data, errors } where errors are partial-result errors. */
export async function graphql(query, variables = {}) {
	const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
	if (token()) {
		headers.Authorization = `Bearer ${token()}`;
	}
	countRequest();
	let response;
	try {
		response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
	} catch (failure) {
		throw new ApiError('unreachable', `wellgate is unreachable at ${location.origin} (${failure.message}).`);
	}
	const text = await response.text();
	let body = null;
	try {
		body = text ? JSON.parse(text) : null;
	} catch (notJson) {
		body = null;
	}
	const serverMessage = body && (body.detail || (body.errors && body.errors[0] && body.errors[0].message));
	if (response.status === 401 || response.status === 403) {
		throw refused(response.status, serverMessage);
	}
	if ([502, 503, 504].includes(response.status)) {
		throw new ApiError('unreachable', `wellgate is unreachable at ${location.origin} (HTTP ${response.status}).`);
	}
	if (!body || (!body.data && !body.errors)) {
		throw new ApiError('http', `The service answered HTTP ${response.status} without a GraphQL response${serverMessage ? `: ${serverMessage}` : '.'}`);
	}
	const errors = body.errors || [];
	const classified = (name) => errors.find((error) => error.extensions && error.extensions.classification === name);
	if (classified('UNAUTHORIZED')) {
		throw refused(401, classified('UNAUTHORIZED').message);
	}
	if (classified('FORBIDDEN')) {
		throw refused(403, classified('FORBIDDEN').message);
	}
	if (!body.data) {
		throw new ApiError('api', 'The API refused the request:', describe(errors));
	}
	return { data: body.data, errors: describe(errors) };
}

// One line per distinct error, with every path it was raised at.
function describe(errors) {
	const lines = new Map();
	for (const error of errors) {
		const argument = error.extensions && error.extensions.argument ? ` [argument ${error.extensions.argument}]` : '';
		const key = `${error.message}${argument}`;
		const paths = lines.get(key) || [];
		if (error.path) {
			paths.push(error.path.join('.'));
		}
		lines.set(key, paths);
	}
	return [...lines.entries()].map(([line, paths]) => (paths.length ? `${line} (at ${paths.join(', ')})` : line));
}

/**
 * What this service's schema offers beyond the base contract (the registry, live reads): the
 * page asks once and builds its operations from the answer, so it works on every version.
 */
export async function capabilities() {
	// graphql-java's good-faith introspection check allows __Type.fields once per request.
	const { data } = await graphql(`query DashboardCapabilities {
  __schema { subscriptionType { name } types { name fields { name args { name } } } }
}`);
	const type = (name) => data.__schema.types.find((candidate) => candidate.name === name) || { fields: [] };
	const queries = new Map((type('Query').fields || []).map((field) => [field.name, field.args.map((arg) => arg.name)]));
	const wellFields = new Set((type('Well').fields || []).map((field) => field.name));
	const subscriptionName = data.__schema.subscriptionType && data.__schema.subscriptionType.name;
	const subscriptions = new Set(subscriptionName ? (type(subscriptionName).fields || []).map((field) => field.name) : []);
	return {
		oilFields: queries.has('fields'),
		fieldFilter: (queries.get('wellRanking') || []).includes('field'),
		latest: wellFields.has('latest'),
		metadata: ['pumpModel', 'installedAt', 'firstSampleAt', 'lastSampleAt'].filter((name) => wellFields.has(name)),
		wellChanged: subscriptions.has('wellChanged'),
	};
}
