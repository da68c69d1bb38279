import { describe, expect, it } from 'vitest';
import { isAboutAnimal } from '../../src/retrieval/animal-patient.js';

describe('isAboutAnimal', () => {
  it.each([
    'can my cat get a flu shot at your clinic',
    'our dog has an ear infection, can the doctor look at him',
    'my old dog keeps limping, can I give him aspirin?',
    'le pueden poner la vacuna de la gripe a mi gato',
    'mi perrito no quiere comer desde ayer',
    'mi hámster tiene los dientes muy largos',
    '我家仓鼠牙太长了怎么办',
    '我的猫一直打喷嚏',
    'meri billi ko 2 din se ulti ho rahi hai',
    'मेरे कुत्ते को बुखार है क्या करूँ',
  ])('reads "%s" as a question about the patient\'s own animal', (text) => {
    expect(isAboutAnimal(text)).toBe(true);
  });

  it.each([
    'my dog bit my son on the hand, does he need a tetanus shot',
    'the neighbour\'s cat scratched me and it is red and swollen',
    'my daughter is allergic to our cat, what can she take',
    'mi perro me mordió la mano, necesito vacuna?',
    'el gato de mi hermana me arañó el brazo',
    'mi hámster me mordió el dedo',
    '我家狗把我咬了，要打狂犬疫苗吗',
    'mere kutte ne kaat liya, injection lagwana padega?',
    'do you have a doctor who speaks Spanish',
    'my son is scared of dogs at the clinic door',
    'hot dog for lunch before my blood test?',
    'when will my cat scan results be ready',
    'my PET scan is next week, do I need to fast',
    'my horse voice wont go away after the cold',
  ])('answers "%s" as a person\'s question', (text) => {
    expect(isAboutAnimal(text)).toBe(false);
  });
});
