// The record in the browser's storage, under one namespaced key. Every change re-reads storage
// first, so two open tabs build on each other's answers. Stored data that cannot be read whole is
// copied aside first ("<key>:backup:<ms>:<why>") and only its readable parts are kept; at most
// KEEP_BACKUPS copies are kept, the oldest dropped. The notice about a damaged record stays until
// the learner dismisses it ("<key>:dismissed" holds the time of the copy dismissed). When storage
// cannot be used, the record lives in memory for the visit and `notices` says why. What is kept of
// a damaged record is held to the course's rules, as an import is (sync.js adopt): a track bonus
// whose questions were lost, or an achievement the rest no longer earns, goes.

import { dayKey } from "./dates.js";
import { freshRecord, totalXp } from "./record.js";
import { encode, parse } from "./store.js";
import { adopt } from "./sync.js";

const KEEP_BACKUPS = 3;
const WARN = new Set(["damaged", "unreadable"]); // copies the learner is told about

// Each storage call may throw (blocked storage, a full quota): these return a fallback instead.
function attempt(action, fallback) {
  try {
    return action();
  } catch {
    return fallback;
  }
}

// Stored text read as a record: {state, problems} or {code, error} (see store.js parse).
function readText(raw) {
  const parsed = attempt(() => parse(JSON.parse(raw)), null);
  return parsed || { code: "unreadable", error: "" };
}

export class RecordStore {
  /**
   * `storage`: localStorage or null; `key`: the record's key; `now()`: milliseconds; `course`: the
   * indexed course whose rules a damaged record's readable part is held to (none: kept as read).
   */
  constructor(storage, key, now, course = null) {
    this.storage = storage;
    this.key = key;
    this.now = now;
    this.course = course;
    this.memory = null; // the record, once storage cannot hold it
    this.notices = []; // [{code}]: "unavailable", "newer" or "unsaved-corrupt"
    this.prefix = `${key}:backup:`;
  }

  toMemory(code, record) {
    if (this.memory === null) this.notices.push({ code });
    this.memory = record;
    return record;
  }

  /** The copies set aside, newest first: [{key, at, why}]. */
  backups() {
    const found = attempt(() => {
      const keys = [];
      for (let i = 0; i < this.storage.length; i++) keys.push(this.storage.key(i));
      return keys;
    }, []);
    return found
      .filter((key) => key?.startsWith(this.prefix))
      .map((key) => {
        const [at, why = "damaged"] = key.slice(this.prefix.length).split(":");
        return { key, at: +at || 0, why };
      })
      .sort((a, b) => b.at - a.at || (a.key < b.key ? 1 : -1));
  }

  /** Copies raw text aside; false when it cannot be saved. */
  setAside(raw, why) {
    const saved = attempt(() => {
      this.storage.setItem(`${this.prefix}${this.now()}:${why}`, raw);
      return true;
    }, false);
    if (!saved) return false;
    for (const backup of this.backups().slice(KEEP_BACKUPS)) this.forget(backup.key);
    return true;
  }

  forget(key) {
    attempt(() => this.storage.removeItem(key));
  }

  raw(key) {
    return attempt(() => this.storage.getItem(key), null);
  }

  /** The newest copy set aside because the record was damaged, unless dismissed; or null. */
  warning() {
    const dismissed = attempt(() => +this.storage.getItem(`${this.key}:dismissed`) || 0, 0);
    return this.backups().find((backup) => WARN.has(backup.why) && backup.at > dismissed) || null;
  }

  dismiss() {
    const warning = this.warning();
    if (warning) this.writeText(`${this.key}:dismissed`, String(warning.at));
  }

  /** The stored record, its damaged parts set aside first; a fresh one when there is none. */
  read() {
    if (this.memory !== null) return this.memory;
    let raw;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return this.toMemory("unavailable", freshRecord());
    }
    if (raw === null) return freshRecord();
    const parsed = readText(raw);
    if (parsed.state && !parsed.problems.length) return parsed.state;
    // Saved by a newer version of the site (another Read the Docs version on this origin).
    if (parsed.code === "newer") return this.toMemory("newer", freshRecord());
    const kept = parsed.state ? this.holdToRules(parsed.state) : freshRecord();
    if (!this.setAside(raw, parsed.state ? "damaged" : "unreadable"))
      return this.toMemory("unsaved-corrupt", kept);
    this.write(kept);
    return kept;
  }

  // The readable part of a damaged record, counted again by the course's rules.
  holdToRules(record) {
    if (!this.course) return record;
    return adopt(record, this.course, dayKey(new Date(this.now()))).state;
  }

  /** Saves the record (in memory once storage failed). */
  write(record) {
    if (this.memory !== null) {
      this.memory = record;
      return record;
    }
    try {
      this.storage.setItem(this.key, JSON.stringify(encode(record)));
    } catch {
      this.toMemory("unavailable", record);
    }
    return record;
  }

  writeText(key, text) {
    attempt(() => this.storage.setItem(key, text));
  }

  /** `change(record) -> {state, ...}`, applied to the freshest stored record, then saved. */
  update(change) {
    const result = change(this.read());
    this.write(result.state);
    return result;
  }

  /** Replace or reset: the record being replaced is copied aside first, so it can be restored. */
  replace(record, why) {
    const current = this.read();
    if (Object.keys(current.questions).length || totalXp(current))
      this.setAside(JSON.stringify(encode(current)), why);
    return this.write(record);
  }
}

/** The store of one record: see RecordStore. */
export const openStore = (storage, key, now, course) => new RecordStore(storage, key, now, course);
