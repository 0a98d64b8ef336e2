// Small checks and helpers on plain values, shared by the rules.

export const own = (object, key) => object != null && Object.hasOwn(object, key);
export const get = (object, key) => (own(object, key) ? object[key] : undefined);
export const isObject = (value) =>
  value !== null && typeof value === "object" && !Array.isArray(value);
export const isCount = (n) => Number.isSafeInteger(n) && n >= 0;
export const isBool = (value) => typeof value === "boolean";
// A key the learner's data may use: a question id, track slug, achievement id or label.
export const isLabel = (key) =>
  typeof key === "string" && key.length > 0 && key.length <= 200 && key !== "__proto__";
export const isLabels = (list) => Array.isArray(list) && list.length <= 50 && list.every(isLabel);
export const clone = (value) => JSON.parse(JSON.stringify(value));
export const sum = (list, value) => list.reduce((total, item) => total + value(item), 0);
// The sorted union of two lists of labels.
export const union = (a = [], b = []) => [...new Set([...a, ...b])].sort();
