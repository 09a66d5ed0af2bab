/**
 * A small installation for reminder tests, written straight into a fresh database: one plan with
 * four items, two units (商务局 leads three items, 统计局 one), users with and without email
 * addresses, and one open annual round for 2025 due 2026-12-15. 商务局 has delivered ind:1 and owes
 * the other two; 统计局 has submitted its one item and owes nothing. Also: capture servers standing
 * in for an SMTP server and a chat robot, both on 127.0.0.1 and port 0.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Executor } from '../../src/store/database.ts';
import { newId } from '../../src/store/ids.ts';
import { insertOrgUnit, insertUser } from '../../src/store/people.repository.ts';
import { setUserEmail } from '../../src/store/reminders.repository.ts';

const NOW = '2026-11-26T08:00:00.000Z';

export interface ReminderFixture {
  planId: string;
  roundId: string;
  units: { shangwu: string; tongji: string };
  users: { shangwuReporter: string; shangwuReviewer: string; tongjiReporter: string };
}

/** The round's deadline. */
export const DEADLINE = '2026-12-15';

export async function seedReminderFixture(db: Executor): Promise<ReminderFixture> {
  const units = { shangwu: newId(), tongji: newId() };
  await insertOrgUnit(db, {
    id: units.shangwu,
    regionCode: '330102',
    code: 'shangwu',
    name: '杭州市上城区商务局',
    shortName: '商务局',
    kind: 'department',
    parentId: null,
    createdAt: NOW,
  });
  await insertOrgUnit(db, {
    id: units.tongji,
    regionCode: '330102',
    code: 'tongji',
    name: '杭州市上城区统计局',
    shortName: '统计局',
    kind: 'department',
    parentId: null,
    createdAt: NOW,
  });
  const users = { shangwuReporter: newId(), shangwuReviewer: newId(), tongjiReporter: newId() };
  const user = (id: string, username: string, role: string, unit: string) =>
    insertUser(db, {
      id,
      username,
      displayName: username,
      role,
      orgUnitId: unit,
      createdAt: NOW,
      passwordHash: 'x',
    });
  await user(users.shangwuReporter, 'reporter.shangwu', 'reporter', units.shangwu);
  await user(users.shangwuReviewer, 'reviewer.shangwu', 'reviewer', units.shangwu);
  await user(users.tongjiReporter, 'reporter.tongji', 'reporter', units.tongji);
  await setUserEmail(db, users.shangwuReporter, 'baosong@shangwu.example.cn');
  await setUserEmail(db, users.shangwuReviewer, 'shenhe@shangwu.example.cn');
  await setUserEmail(db, users.tongjiReporter, 'tongji@example.cn');

  const planId = newId();
  await db
    .insertInto('plans')
    .values({
      id: planId,
      region_code: '330102',
      level: 'district',
      title: '杭州市上城区国民经济和社会发展第十四个五年规划',
      issuer: null,
      issued_on: null,
      base_year: 2020,
      start_year: 2021,
      end_year: 2025,
      vision_year: 2035,
      parent_id: null,
      source_text: '',
      source_sha256: '0'.repeat(64),
      source_format: 'text',
      structure: '{}',
      status: 'confirmed',
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  const items = [
    { key: 'ind:1', kind: 'indicator', title: '地区生产总值', unit: units.shangwu },
    { key: 'ind:4', kind: 'indicator', title: '社会消费品零售总额', unit: units.shangwu },
    { key: 'task:3.1.1', kind: 'task', title: '加快建设国际消费中心城市核心区', unit: units.shangwu },
    { key: 'ind:2', kind: 'indicator', title: '规模以上工业增加值', unit: units.tongji },
  ].map((item, position) => ({ ...item, id: newId(), position }));
  for (const item of items) {
    await db
      .insertInto('plan_items')
      .values({
        id: item.id,
        plan_id: planId,
        kind: item.kind,
        key: item.key,
        title: item.title,
        category: null,
        line: 1,
        position: item.position,
      })
      .execute();
    await db
      .insertInto('assignments')
      .values({
        id: newId(),
        plan_id: planId,
        item_id: item.id,
        lead_unit_id: item.unit,
        co_unit_ids: '[]',
        due_date: null,
        milestones: '[]',
        updated_at: NOW,
      })
      .execute();
  }
  const roundId = newId();
  await db
    .insertInto('reporting_rounds')
    .values({
      id: roundId,
      plan_id: planId,
      year: 2025,
      period: null,
      title: '2025年度规划实施情况填报',
      opens_on: '2026-01-05',
      deadline: DEADLINE,
      status: 'open',
      created_at: NOW,
    })
    .execute();

  const observation = async (itemKey: string, unitId: string, createdBy: string, status: string) => {
    const item = items.find((i) => i.key === itemKey)!;
    await db
      .insertInto('observations')
      .values({
        id: newId(),
        plan_id: planId,
        item_id: item.id,
        measure: 1,
        area: '',
        year: 2025,
        period: '',
        kind: 'level',
        value: 1,
        unit: '亿元',
        details: '{}',
        status,
        approved_value: null,
        approved_details: null,
        approved_at: null,
        comment: null,
        source: 'test',
        unit_id: unitId,
        round_id: roundId,
        created_by: createdBy,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
  };
  await observation('ind:1', units.shangwu, users.shangwuReporter, 'reviewed');
  await observation('ind:4', units.shangwu, users.shangwuReporter, 'draft');
  await observation('ind:2', units.tongji, users.tongjiReporter, 'submitted');
  return { planId, roundId, units, users };
}

/** A message the SMTP sink received. */
export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server that accepts any login and keeps every message. */
export async function startSmtpSink(): Promise<{
  port: number;
  messages: CapturedMail[];
  close: () => Promise<void>;
}> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'lantu' }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A request the robot stand-in received. */
export interface CapturedPost {
  url: string;
  body: unknown;
}

/** A local chat robot: answers every POST with `reply` (DingTalk/WeCom say {"errcode":0}) and keeps the JSON. */
export async function startWebhookReceiver(
  reply: { status: number; body: unknown } = { status: 200, body: { errcode: 0, errmsg: 'ok' } },
): Promise<{ url: string; posts: CapturedPost[]; close: () => Promise<void> }> {
  const posts: CapturedPost[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      posts.push({ url: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/robot/send?access_token=test`,
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The subject and text of a single-part message as nodemailer writes it: RFC 2047 encoded words in
 * the subject (decoded as one byte run, since a character's bytes may span two words), base64 or
 * quoted-printable in the body.
 */
export function decodeMail(raw: string): { subject: string; text: string; headers: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const subjectLine = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const words = [...subjectLine.matchAll(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi)];
  const subject =
    words.length === 0
      ? subjectLine
      : Buffer.concat(
          words.map((w) =>
            w[1]!.toUpperCase() === 'B'
              ? Buffer.from(w[2]!, 'base64')
              : quotedPrintableBytes(w[2]!.replace(/_/g, ' ')),
          ),
        ).toString('utf8');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(body.replace(/=\r\n/g, '')).toString('utf8')
        : body;
  return { subject, text: text.replace(/\r\n/g, '\n'), headers };
}

function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
