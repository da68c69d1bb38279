import { isDidNotHelp, isHumanRequest } from '../../escalation/triggers.js';
import type { Passage } from '../../knowledge/passages.js';
import type { SourceRef, SuggestedAction } from '../../message.js';
import { leadLine, markdownToChat } from '../../retrieval/chat-text.js';
import { detectClinical } from '../../retrieval/clinical.js';
import { CONFIDENCE_THRESHOLD } from '../../retrieval/confidence.js';
import type { KnowledgeService } from '../../retrieval/knowledge-service.js';
import type { RetrievalResult } from '../../retrieval/knowledge-search.js';
import type { ScoredPassage, TopicHit } from '../../retrieval/topics.js';
import type { TurnContext } from '../context.js';
import type { Middleware } from '../pipeline.js';

/** What a "closest topics" button sends back. */
const TOPIC_CHOICE = /^topic:([a-z0-9-]+)$/;
// A second passage of the same topic joins the answer when it scores close and both stay short.
const SECOND_PASSAGE_RATIO = 0.6;
const ANSWER_BUDGET = { latin: 750, han: 320 };

/**
 * Answers from the knowledge base. Clinical questions (a diagnosis, a dose, stopping a
 * medicine) go to a nurse instead; weak matches get "not sure" with the closest topics;
 * requests for a nurse pass through untouched. Sets `details.confidence` and
 * `details.lowConfidence` for the escalation stage after it.
 */
export function answerStage(knowledge: KnowledgeService): Middleware<TurnContext> {
  return async (ctx, next) => {
    if (ctx.result.escalate || ctx.replies.length > 0 || ctx.conversation.mode !== 'bot') {
      await next();
      return;
    }
    const text = ctx.message.text.trim();
    // "I want a nurse" and "that didn't help" are for the escalation stage after this one.
    if (isHumanRequest(text) || isDidNotHelp(text)) {
      await next();
      return;
    }
    const chosen = TOPIC_CHOICE.exec(text)?.[1];
    if (chosen && knowledge.topic(chosen, ctx.language)) {
      answerChosenTopic(ctx, knowledge, chosen);
    } else {
      const clinical = detectClinical(text);
      if (clinical) {
        // General safety information goes with the hand-over: what to do until the nurse answers.
        const safety = clinical === 'lab_value' ? 'lab' : clinical === 'diagnosis' ? 'diagnosis' : 'medicine';
        const poisonControl = ctx.services.clinic.get('poison_control', ctx.language) ?? ctx.services.config.emergencyNumber;
        ctx.reply(`${ctx.t('answers:clinical')}\n${ctx.t(`answers:clinicalSafety.${safety}`, { poisonControl })}`, { actions: [nurseAction(ctx)] });
        ctx.result.escalate = true;
        ctx.result.reason = 'clinical';
        ctx.result.details.clinical = clinical;
        ctx.result.handledBy = 'answer';
      } else {
        const result = await knowledge.search(text, ctx.language);
        ctx.result.details.confidence = round(result.confidence);
        ctx.result.details.retrieval = result.mode;
        if (result.topics.length === 0 || result.confidence < CONFIDENCE_THRESHOLD) notSure(ctx, result);
        else await answer(ctx, knowledge, result);
      }
    }
    await next();
  };
}

async function answer(ctx: TurnContext, knowledge: KnowledgeService, result: RetrievalResult): Promise<void> {
  const top = result.topics[0]!;
  ctx.result.details.lowConfidence = false;
  ctx.result.details.topic = top.id;
  ctx.result.handledBy = 'answer';
  ctx.result.sources = relatedSources(result.topics);
  if (knowledge.answerer) {
    const cited = groundingTopics(result.topics);
    try {
      const text = await knowledge.answerer.answer({
        question: ctx.message.text,
        language: ctx.language,
        clinicName: ctx.services.clinic.name,
        passages: cited.flatMap((t) => t.passages.slice(0, 3).map((p) => p.passage)),
      });
      const sources = cited.map(toSource);
      ctx.reply([text, ctx.t('answers:source', { title: cited.map((t) => t.title).join(', ') })].join('\n\n'), { sources });
      ctx.result.details.answer = 'llm';
      return;
    } catch (err) {
      // The model is optional: any failure or timeout falls back to the extractive answer.
      ctx.result.details.llmFallback = (err as Error).name || 'error';
      ctx.services.logger.warn({ conversationId: ctx.conversation.id, err: (err as Error).name }, 'LLM answer failed: extractive answer instead');
    }
  }
  ctx.reply(extractiveText(ctx, top.title, pickPassages(top.passages, ctx.language === 'zh')), { sources: [toSource(top)] });
  ctx.result.details.answer = 'extractive';
}

function answerChosenTopic(ctx: TurnContext, knowledge: KnowledgeService, id: string): void {
  const topic = knowledge.topic(id, ctx.language)!;
  const passages = knowledge.passagesOf(id, ctx.language).map((passage, i) => ({ passage, score: 1 / (i + 1) }));
  const hit: TopicHit = { id: topic.id, title: topic.title, score: 1, passages };
  ctx.reply(extractiveText(ctx, topic.title, pickPassages(passages, ctx.language === 'zh')), { sources: [toSource(hit)] });
  ctx.result.sources = [toSource(hit)];
  ctx.result.details.confidence = 1;
  ctx.result.details.lowConfidence = false;
  ctx.result.details.topic = topic.id;
  ctx.result.details.answer = 'extractive';
  ctx.result.handledBy = 'answer';
}

function notSure(ctx: TurnContext, result: RetrievalResult): void {
  const closest = result.topics.slice(0, 3);
  const actions: SuggestedAction[] = closest.map((t) => ({ title: t.title, value: `topic:${t.id}` }));
  actions.push(nurseAction(ctx));
  ctx.reply(ctx.t(closest.length ? 'answers:notSure' : 'answers:noMatch'), { actions });
  ctx.result.sources = closest.map(toSource);
  ctx.result.details.lowConfidence = true;
  ctx.result.handledBy = 'answer';
}

/** The best passage, and the next best of the same topic when it is close and short; in reading order. */
export function pickPassages(ranked: readonly ScoredPassage[], han: boolean): Passage[] {
  const [best, second] = ranked;
  if (!best) return [];
  const budget = han ? ANSWER_BUDGET.han : ANSWER_BUDGET.latin;
  const picked = [best.passage];
  if (second && second.score >= best.score * SECOND_PASSAGE_RATIO && best.passage.pageContent.length + second.passage.pageContent.length <= budget) {
    picked.push(second.passage);
  }
  return picked.sort((a, b) => a.metadata.position - b.metadata.position);
}

/** Lead-in, the passages cleaned for chat (headings as plain lead lines), and the citation. */
function extractiveText(ctx: TurnContext, title: string, passages: readonly Passage[]): string {
  const han = ctx.language === 'zh';
  const body = passages.map((p) => {
    const text = markdownToChat(p.pageContent);
    return p.metadata.section ? `${leadLine(p.metadata.section, han)}\n${text}` : text;
  });
  return [ctx.t('answers:leadIn', { title }), ...body, ctx.t('answers:source', { title })].join('\n\n');
}

/** The top topic, and the runner-up when it is nearly as relevant: what the model may cite. */
function groundingTopics(topics: readonly TopicHit[]): TopicHit[] {
  const [first, second] = topics;
  return second && second.score >= first!.score * 0.5 ? [first!, second] : [first!];
}

function relatedSources(topics: readonly TopicHit[]): SourceRef[] {
  const top = topics[0]!.score;
  return topics.filter((t, i) => i === 0 || t.score >= top * 0.5).slice(0, 3).map(toSource);
}

function nurseAction(ctx: TurnContext): SuggestedAction {
  return { title: ctx.t('answers:nurseAction'), value: ctx.t('answers:nurseActionValue') };
}

const toSource = (t: Pick<TopicHit, 'id' | 'title' | 'score'>): SourceRef => ({ id: t.id, title: t.title, score: round(t.score) });
const round = (x: number) => Number(x.toFixed(3));
