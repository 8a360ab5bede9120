import { describe, expect, it } from 'vitest';
import { allowedMethods } from './allowedMethods.js';

const routes = [
  { method: 'get', path: '/v1/forecast' },
  { method: 'post', path: '/v1/forecast' },
  { method: 'post', path: '/v1/forecast/batch' },
  { method: 'get', path: '/v1/models/{id}' },
];

describe('allowedMethods', () => {
  it('lists every method of a path, with HEAD beside GET and OPTIONS', () => {
    expect(allowedMethods(routes, '/v1/forecast')).toEqual(['GET', 'HEAD', 'POST', 'OPTIONS']);
    expect(allowedMethods(routes, '/v1/forecast/batch')).toEqual(['POST', 'OPTIONS']);
  });

  it('matches a path parameter within one segment only', () => {
    expect(allowedMethods(routes, '/v1/models/lstm-32@relative')).toEqual([
      'GET',
      'HEAD',
      'OPTIONS',
    ]);
    expect(allowedMethods(routes, '/v1/models/a/b')).toEqual([]);
  });

  it('returns nothing for an unknown path', () => {
    expect(allowedMethods(routes, '/v1/forecasts')).toEqual([]);
  });
});
