// The ceiling the product list is measured against: a bare Fastify (no plugins, no hooks, default options)
// answering one route with the very bytes of the shop's 20-item product list, read from the file in argv[2]
// and sent as they are (the shop, too, answers repeated reads with an already serialized body). Started as
// its own process, like the shop, so both are measured on equal terms.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const list = readFileSync(process.argv[2], 'utf8');
const app = Fastify();
app.get('/list', (_request, reply) => reply.type('application/json; charset=utf-8').send(list));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('bare Fastify is serving');
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
