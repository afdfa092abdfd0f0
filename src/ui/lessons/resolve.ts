// Turns a lesson step's scenario into a trace text: a gallery entry or one of the lessons' own cases.
import { LESSON_CASES } from '../../copy/lessons/cases.ts';
import type { ScenarioResolver } from '../../state/lessons.svelte.ts';
import { caseText, galleryEntries } from '../gallery/entries.ts';

export const resolveLessonScenario: ScenarioResolver = async (s) => {
  if ('lessonCase' in s) {
    const c = LESSON_CASES[s.lessonCase];
    if (!c) throw new Error(`unknown lesson case ${s.lessonCase}`);
    return { text: caseText(c), label: c.name, story: `Lesson subnet: ${c.name}.` };
  }
  const entry = (await galleryEntries()).find((e) => e.id === s.gallery);
  if (!entry) throw new Error(`unknown gallery entry ${s.gallery}`);
  return { text: entry.text(), label: entry.title, story: entry.story };
};
