// `npm run mock-llm`: the mock LLM as a standalone server, for trying Specwright without a real
// provider or for poking at the wire format with curl.
import { startMockLlm } from './server.js';

const port = Number(process.env.MOCK_LLM_PORT ?? 11435);
const mock = await startMockLlm({ port });
const admin = mock.url.replace(/\/v1$/, '/__admin');

console.log(`Mock LLM listening on ${mock.url}

Point Specwright at it in Settings (add a provider):
  Provider  Custom (OpenAI-compatible)
  Base URL  ${mock.url}
  API key   sk-mock-local
  Model     mock-small   (also: ${mock.models.filter((m) => m !== 'mock-small').join(', ')})

Scenarios: ${mock.scenarioNames.join(', ')}
  curl -X POST ${admin}/scenario -d '{"name":"tool-call"}'
  curl -X POST ${admin}/fault -d '{"type":"429","times":1}'
  curl -X POST ${admin}/reset

Ctrl+C stops the server.`);

const stop = async () => {
	await mock.close();
	process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
