// Sends one query twice through Apollo Client's own persisted-queries link (argv[2]: the GraphQL
// endpoint, argv[3]: an alias making the document new to the server, argv[4]: a bearer token or
// empty), each time from a new client, and prints what went over the wire and the answers.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createHash } from 'crypto';

const [, , uri, alias, token] = process.argv;
const sent = [];
const recordingFetch = (url, options) => {
  const body = JSON.parse(options.body);
  sent.push({ query: typeof body.query === 'string', hash: body.extensions?.persistedQuery?.sha256Hash ?? null });
  return fetch(url, options);
};
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const query = gql(`query ApolloProbe { ${alias}: wells(first: 1) { edges { node { id } } } }`);
const answers = [];
for (let i = 0; i < 2; i++) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const link = new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri, fetch: recordingFetch, headers }));
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const result = await client.query({ query, fetchPolicy: 'no-cache' });
  answers.push({ error: result.error ? String(result.error) : null, edges: result.data?.[alias]?.edges?.length ?? null });
}
console.log('RESULT ' + JSON.stringify({ sent, answers }));
