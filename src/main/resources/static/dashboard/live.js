// A minimal client of the graphql-transport-ws protocol (the one graphql-ws speaks) for one
// subscription at a time: connection_init (with the session's token), subscribe, next, error,
// complete, ping/pong. The caller hears about every change and every loss of the connection.

import { countRequest, token } from './api.js';

export function subscribe(query, variables, { onNext, onError, onOpen }) {
	const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
	let socket;
	let closedByUs = false;
	try {
		socket = new WebSocket(`${scheme}//${location.host}/graphql`, 'graphql-transport-ws');
	} catch (failure) {
		onError(`the live connection could not be opened (${failure.message})`);
		return () => {};
	}
	countRequest();
	const id = '1';
	socket.addEventListener('open', () => {
		const payload = token() ? { Authorization: `Bearer ${token()}` } : {};
		socket.send(JSON.stringify({ type: 'connection_init', payload }));
	});
	socket.addEventListener('message', (event) => {
		let message;
		try {
			message = JSON.parse(event.data);
		} catch (notJson) {
			return;
		}
		switch (message.type) {
			case 'connection_ack':
				socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
				onOpen();
				break;
			case 'ping':
				socket.send(JSON.stringify({ type: 'pong' }));
				break;
			case 'next':
				if (message.payload && message.payload.errors && message.payload.errors.length) {
					onError(message.payload.errors.map((error) => error.message).join('; '));
				} else {
					onNext(message.payload.data);
				}
				break;
			case 'error':
				onError((message.payload || []).map((error) => error.message).join('; ') || 'the subscription was refused');
				break;
			case 'complete':
				onError('the service ended the subscription');
				break;
			default:
				break;
		}
	});
	socket.addEventListener('close', (event) => {
		if (!closedByUs) {
			const reason = event.code === 4401 || event.code === 4403
				? `the token was refused for live updates (${event.code})`
				: `the live connection closed (${event.code}${event.reason ? `: ${event.reason}` : ''})`;
			onError(reason);
		}
	});
	return () => {
		closedByUs = true;
		if (socket.readyState === WebSocket.OPEN) {
			socket.send(JSON.stringify({ id, type: 'complete' }));
		}
		socket.close(1000);
	};
}
