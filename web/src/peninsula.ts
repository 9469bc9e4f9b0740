// An outline of the Korean peninsula, drawn by hand from public coastline
// and border positions (about 0.1° accuracy: enough to place a camp within
// its province, not for navigation). [longitude, latitude] pairs, clockwise
// from the mouth of the Yalu. Shipped with the app: the map needs no tile
// server and no network.

export const outline: [number, number][] = [
  [124.35, 40.0], [124.9, 39.62], [125.4, 39.55], [125.15, 39.3], [125.25, 38.95], [124.9, 38.62],
  [124.68, 38.12], [125.3, 37.75], [126.1, 37.72], [126.6, 37.45], [126.8, 36.95], [126.3, 36.62],
  [126.55, 36.0], [126.7, 35.5], [126.3, 34.9], [126.5, 34.3], [127.4, 34.55], [128.1, 34.82],
  [128.65, 34.88], [129.1, 35.1], [129.42, 35.5], [129.56, 36.02], [129.42, 36.8], [129.1, 37.5],
  [128.6, 38.2], [128.3, 38.62], [127.75, 39.05], [127.45, 39.2], [127.6, 39.8], [128.6, 40.02],
  [129.1, 40.5], [129.72, 40.88], [129.8, 41.5], [130.2, 41.95], [130.66, 42.3], [130.45, 42.55],
  [130.2, 42.9], [129.75, 42.45], [129.25, 42.2], [128.9, 42.02], [128.08, 41.99], [127.55, 41.62],
  [126.95, 41.8], [126.5, 41.62], [126.0, 41.22], [125.4, 40.72], [124.85, 40.35],
];

// The Military Demarcation Line, roughly.
export const demarcation: [number, number][] = [
  [126.1, 37.75], [126.7, 37.95], [127.2, 38.3], [127.8, 38.3], [128.35, 38.62],
];
