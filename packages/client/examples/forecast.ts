/**
 * The README's forecast call, and what the types catch: `npm run check-types` compiles this file
 * against the types generated from the worker's document, so a path, parameter or field the API
 * does not have is a type error here (each `@ts-expect-error` below must find one).
 *
 * Run it against `npm start`: node examples/forecast.ts (after `npm run build -w @gatecast/client`)
 */
import { createGatecastClient, type Schema } from '@gatecast/client';

const gatecast = createGatecastClient({ baseUrl: 'http://127.0.0.1:8787' });
const { data, error } = await gatecast.GET('/v1/forecast', {
  params: { query: { horizon: 3, level: [80, 95] } },
});

if (error) {
  const problem: Schema<'Problem'> = error;
  console.error(`${problem.status} ${problem.title}: ${problem.detail}`);
} else if (data) {
  for (const month of data.path) {
    const low: number | undefined = month.quantiles['0.1'];
    console.log(month.target, month.forecast.toFixed(2), low);
  }
}

/** Posting a window of the last 12 monthly closes: every field typed. */
export async function forecastWindow(window: number[]) {
  const model: Schema<'ModelId'> = 'gru-32-nll@relative';
  const answer = await gatecast.POST('/v1/forecast', { body: { model, window, horizon: 2 } });
  return answer.data;
}

export async function mistakes(): Promise<void> {
  // @ts-expect-error: there is no /v1/forecasts
  await gatecast.GET('/v1/forecasts');
  // @ts-expect-error: horizon is a number
  await gatecast.GET('/v1/forecast', { params: { query: { horizon: '3' } } });
  // @ts-expect-error: model ids are the served ones
  await gatecast.GET('/v1/forecast', { params: { query: { model: 'transformer-9000' } } });
  // @ts-expect-error: a window is an array of closes
  await gatecast.POST('/v1/forecast', { body: { window: '5881.63,5954.5' } });
  const { data } = await gatecast.GET('/v1/models');
  // @ts-expect-error: a forecast has no `rmse`
  data?.models[0]?.rmse;
}
