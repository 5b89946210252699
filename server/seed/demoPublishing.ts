import { DateTime } from 'luxon';
import type { Db } from '../db/client';
import { campaigns, channelSlots, channels, notifications, postComments, postMetrics, postRevisions, postTargets, postVariants, posts, publishAttempts, publishingSettings, type PostPart, type PostStatus } from '../db/schema';
import { excerpt } from '../modules/collaboration';
import { requestSummary, snapshotOf } from '../modules/publishing';

/**
 * Journey 2 ("One message, many networks") for the demo: Caffè Aurora's Bluesky channel with six weeks
 * of published posts and their engagement, a thread waiting for Marta's review, and what comes next.
 * Every time is relative to `now`, in Europe/Rome. The seed has no credentials, so the channel needs
 * reconnecting and nothing is scheduled (no pending targets): the calendar shows the planned times.
 */
const ZONE = 'Europe/Rome';
const DID = 'did:plc:au7qbxk3rmzcafe2bologna5';
const HANDLE = 'caffeaurora.bsky.social';

type Campaign = 'autumn' | 'christmas' | null;

/** [weeks ago, ISO weekday, time, likes, reposts, replies, quotes, campaign, text]: 08:30 and 12:30 on weekdays do best. */
const HISTORY: [number, number, string, number, number, number, number, Campaign, string][] = [
  [6, 2, '08:30', 34, 6, 4, 1, null, 'Buongiorno Bologna ☀️ Questa settimana in tostatura: Etiopia Guji, note di bergamotto e pesca bianca. In negozio da giovedì, online da subito 👉 caffeaurora.it/guji #specialtycoffee #Bologna'],
  [6, 4, '18:00', 9, 1, 1, 0, null, "Aperitivo? Noi facciamo cold brew tonic: 60 ml di cold brew, acqua tonica e una scorza d'arancia. Provatelo e diteci com'è venuto ☕🍊 #coldbrew"],
  [5, 1, '12:30', 41, 8, 6, 2, null, 'Pausa pranzo, moka sul fuoco. Tre errori che rovinano il caffè: caffè pressato nel filtro, fiamma troppo alta, moka lavata col detersivo. La nostra guida: caffeaurora.it/moka #moka'],
  [5, 6, '10:00', 14, 2, 2, 0, null, 'Sabato mattina in torrefazione, via del Pratello: assaggi gratuiti fino alle 13 e il Brasile Cerrado appena tostato. Vi aspettiamo! #Bologna'],
  [4, 3, '08:30', 47, 9, 5, 2, 'autumn', "🍂 Comincia la Raccolta d'autunno: tre caffè dei nuovi raccolti, tostati a piccoli lotti qui a Bologna. Si parte con Colombia Huila, caramello e mela rossa. caffeaurora.it/autunno #RaccoltaAurora"],
  [4, 5, '21:00', 6, 0, 1, 0, null, 'Venerdì sera, macinino a riposo. Lunedì vi raccontiamo una novità dal Kenya 🇰🇪 Buon fine settimana!'],
  [3, 2, '12:30', 52, 11, 7, 3, 'autumn', 'Dal campo alla tazza: il Kenya Nyeri AA di questa raccolta arriva da una cooperativa a 1.800 m. Ribes nero, pompelmo e tanta dolcezza. In grani o macinato per filtro. #RaccoltaAurora #Kenya'],
  [3, 7, '17:00', 8, 1, 0, 0, null, "Domenica lenta: V60, 15 g di caffè, 250 g d'acqua a 93 °C, tre minuti. Qual è la vostra ricetta della domenica? ☕"],
  [2, 4, '08:30', 58, 12, 9, 2, 'autumn', "Grazie a @fornosantostefano.bsky.social: da oggi le loro colazioni si fanno con la nostra miscela d'autunno 🥐☕ Passate a provarla! #RaccoltaAurora #Bologna"],
  [2, 1, '15:00', 12, 2, 1, 0, null, 'Come conservare il caffè in grani: barattolo ermetico, lontano da luce e calore, niente frigo. E macinate solo quello che vi serve 😉 #consigli'],
  [1, 3, '12:30', 61, 10, 8, 4, 'autumn', "Ultimi giorni per la box Raccolta d'autunno: tre caffè da 250 g e una guida all'assaggio. Spedizione gratuita in Italia e Spagna 📦 caffeaurora.it/autunno #RaccoltaAurora"],
  [1, 5, '19:30', 11, 1, 2, 0, 'autumn', "Avete assaggiato la box d'autunno? Diteci il vostro preferito tra Colombia, Kenya ed Etiopia: rispondiamo a tutti! 🍂 #RaccoltaAurora"],
];

const THREAD = [
  "🍂 Raccolta d'autunno, gran finale: torna la degustazione guidata in torrefazione, via del Pratello. Tre origini, tre metodi, un'ora e mezza con i nostri tostatori. Prenotazioni aperte da oggi 🧵",
  'Si assaggiano Colombia Huila in V60, Kenya Nyeri in AeroPress ed Etiopia Guji in espresso. Vi mostriamo cosa cambia da un metodo all’altro e come ritrovarlo a casa con la vostra attrezzatura.',
  "Venti posti, 15 € con una confezione da 250 g inclusa. Prenotate su caffeaurora.it/degustazione — e se non potete esserci, la box d'autunno vi aspetta online. #RaccoltaAurora #Bologna",
];

export interface DemoTeam {
  workspaceId: string;
  marta: { id: string; name: string };
  luca: { id: string; name: string };
}

export async function seedDemoPublishing(tx: Db, team: DemoTeam, now = new Date()): Promise<void> {
  const { workspaceId, marta, luca } = team;
  const rome = DateTime.fromJSDate(now, { zone: ZONE });
  const at = (d: DateTime, time: string) => d.set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3)), second: 0, millisecond: 0 }).toJSDate();

  await tx.insert(publishingSettings).values({ workspaceId, approvalRequired: true, approverRoles: ['owner', 'marketing_manager'] });
  const [channel] = await tx
    .insert(channels)
    .values({ workspaceId, network: 'bluesky', name: 'Caffè Aurora', accountId: DID, accountHandle: HANDLE, authSealed: '', timeZone: ZONE, color: 'blue', status: 'needs_reconnect', createdAt: rome.minus({ weeks: 8 }).toJSDate() })
    .returning();
  const slots = [...[1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, minuteOfDay: 8 * 60 + 30 }, { weekday, minuteOfDay: 12 * 60 + 30 }]), { weekday: 6, minuteOfDay: 10 * 60 }];
  await tx.insert(channelSlots).values(slots.map((s) => ({ workspaceId, channelId: channel!.id, ...s })));
  const [autumn, christmas] = await tx.insert(campaigns).values([{ workspaceId, name: 'Autumn harvest', color: 'orange' }, { workspaceId, name: 'Christmas blends', color: 'red' }]).returning();
  const campaignId = { autumn: autumn!.id, christmas: christmas!.id };

  /** A post on the channel with its variant and first revision, as the composer writes them. */
  const addPost = async (o: { text: string; status: PostStatus; at: Date | null; campaign: Campaign; createdAt: Date; parts?: PostPart[]; firstComment?: string; approved?: boolean }) => {
    const [post] = await tx
      .insert(posts)
      .values({ workspaceId, authorId: luca.id, text: o.text, firstComment: o.firstComment ?? null, campaignId: o.campaign && campaignId[o.campaign], status: o.status, scheduledAt: o.at, approvedBy: o.approved ? marta.id : null, createdAt: o.createdAt, updatedAt: o.createdAt })
      .returning();
    const variants = await tx.insert(postVariants).values({ postId: post!.id, channelId: channel!.id, inherit: !o.parts, parts: o.parts ?? [] }).returning();
    await tx.insert(postRevisions).values({ workspaceId, postId: post!.id, version: 1, editedBy: luca.id, snapshot: snapshotOf(post!, variants), createdAt: o.createdAt });
    return post!;
  };

  for (const [i, [weeksAgo, weekday, time, likes, reposts, replies, quotes, campaign, text]] of HISTORY.entries()) {
    const publishedAt = at(rome.startOf('week').minus({ weeks: weeksAgo }).plus({ days: weekday - 1 }), time);
    const post = await addPost({ text, status: 'published', at: publishedAt, campaign, createdAt: new Date(publishedAt.getTime() - 2 * 86_400_000), approved: true });
    const rkey = tid(publishedAt);
    const uri = `at://${DID}/app.bsky.feed.post/${rkey}`;
    const remoteRefs = [{ id: uri, url: `https://bsky.app/profile/${DID}/post/${rkey}`, meta: { cid: `bafyreiaurora${rkey}` } }];
    const [target] = await tx.insert(postTargets).values({ workspaceId, postId: post.id, channelId: channel!.id, state: 'published', dueAt: publishedAt, remoteRefs, nextPart: 1, publishedAt, updatedAt: publishedAt }).returning();
    const request = requestSummary([{ text, media: [] }], 0);
    await tx.insert(publishAttempts).values({ workspaceId, targetId: target!.id, partIndex: 0, idempotencyKey: `${target!.id}:0`, worker: 'demo-seed', attemptedAt: publishedAt, outcome: 'success', remoteId: uri, request, durationMs: 420 + 37 * i });
    await tx.insert(postMetrics).values({ targetId: target!.id, workspaceId, channelId: channel!.id, likes, reposts, replies, quotes, collectedAt: now });
  }

  // The next weekday at 09:00: the thread Luca sent for review, with Marta's comment and notification.
  let reviewDay = rome.plus({ days: 1 });
  while (reviewDay.weekday > 5) reviewDay = reviewDay.plus({ days: 1 });
  const sentAt = rome.minus({ hours: 3 }).toJSDate();
  const thread = await addPost({ text: THREAD.join('\n\n'), status: 'in_review', at: at(reviewDay, '09:00'), campaign: 'autumn', createdAt: sentAt, parts: THREAD.map((text) => ({ text, media: [] })) });
  await tx.insert(postComments).values({ workspaceId, postId: thread.id, authorId: marta.id, body: 'Bello, Luca! Controllo con Giulia i posti disponibili e approvo entro stasera.', createdAt: rome.minus({ hours: 1 }).toJSDate() });
  await tx.insert(notifications).values({ workspaceId, userId: marta.id, kind: 'post.review_requested', payload: { postId: thread.id, postExcerpt: excerpt(thread.text), actorName: luca.name }, createdAt: sentAt });

  await addPost({ text: '🎄 Arrivano le miscele di Natale: Stella (cacao e arancia candita) e Neve (nocciola e spezie dolci). Preordini aperti, consegna prima delle feste. caffeaurora.it/natale #MiscelediNatale', status: 'approved', at: at(rome.plus({ days: 3 }), '12:30'), campaign: 'christmas', createdAt: rome.minus({ days: 1 }).toJSDate(), approved: true });
  await addPost({ text: 'Cercate un regalo per chi ama il caffè? La box di Natale: due miscele, una tazza in ceramica di Faenza e un biglietto scritto a mano ✍️ #MiscelediNatale #regali', firstComment: 'Tutti i dettagli, anche per le spedizioni in Spagna: caffeaurora.it/natale', status: 'draft', at: at(rome.plus({ weeks: 1 }), '08:30'), campaign: 'christmas', createdAt: rome.minus({ hours: 5 }).toJSDate() });
  await addPost({ text: 'Dietro le quinte: come scegliamo il profilo di tostatura di un nuovo caffè. Sara ci ha seguiti per una settimana con la macchina fotografica 📸 (da completare con le sue foto)', status: 'draft', at: null, campaign: null, createdAt: rome.minus({ days: 2 }).toJSDate() });
  const cancelled = await addPost({ text: "Solo oggi: -20% su tutta la Raccolta d'autunno! ⚡ caffeaurora.it/autunno #RaccoltaAurora", status: 'cancelled', at: at(rome.plus({ days: 2 }), '17:00'), campaign: 'autumn', createdAt: rome.minus({ days: 4 }).toJSDate() });
  await tx.insert(postComments).values({ workspaceId, postId: cancelled.id, authorId: marta.id, body: 'Niente sconti sulla raccolta: è a lotti limitati. Annulliamo questo.', createdAt: rome.minus({ days: 3 }).toJSDate() });
}

/** A Bluesky record key (TID) for an instant: microseconds since 1970 in base32-sortable, then a clock id. */
function tid(at: Date): string {
  const chars = '234567abcdefghijklmnopqrstuvwxyz';
  let n = BigInt(at.getTime()) * 1000n;
  let s = '';
  for (let i = 0; i < 11; i++, n >>= 5n) s = chars[Number(n & 31n)] + s;
  return `${s}aa`;
}
