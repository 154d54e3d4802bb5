// Composes wellgate's subgraph SDL (argv[2]) with a second subgraph that extends Well, the way
// a federation gateway's composition does; prints the composed Well type, or the errors.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFileSync } from 'fs';

const maintenance = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Well @key(fields: "id") { id: ID! lastWorkover: String }
  type Query { wellsDueForWorkover: [Well!]! }
`;
const result = composeServices([
  { name: 'wellgate', typeDefs: parse(readFileSync(process.argv[2], 'utf8')), url: 'http://127.0.0.1/graphql' },
  { name: 'maintenance', typeDefs: parse(maintenance), url: 'http://127.0.0.1/maintenance' },
]);
if (result.errors) {
  console.log('COMPOSITION FAILED');
  result.errors.forEach((error) => console.log(error.message));
  process.exit(1);
}
const sdl = result.supergraphSdl;
const start = sdl.search(/^type Well\s/m);
const well = sdl.substring(start, sdl.indexOf('\n}', start) + 2);
console.log('COMPOSED');
console.log(well);
