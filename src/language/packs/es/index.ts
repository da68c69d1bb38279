import { stemmer } from '@orama/stemmers/spanish';
import { words } from '../../normalise.js';
import { safetyFiles, type LanguagePack } from '../types.js';

/** Spanish. */
export const es: LanguagePack = {
  code: 'es',
  name: 'Español',
  englishName: 'Spanish',
  stopWords: {
    words: words(`el la los las un una unos unas lo de del al a y o e u que en por para con sin mi mis tu tus su sus me te
    se le les nos es son ser era fue esta estan estoy estas este esto eso esa ese estos esas soy eres hay como cuando
    donde cual cuales quien cuanto cuanta muy mas pero si no ya yo tu usted ustedes tengo tiene tienen tienes puedo
    puede pueden hacer hago necesito quiero quisiera favor porfa hola buenas buenos buen dia dias tardes noches
    gracias tan todo toda todos algo alguien nada ni tambien aqui alli ahi entonces pues bueno oiga disculpe ok`),
    chars: '',
  },
  // Snowball's Spanish stemmer (@orama/stemmers), on words already folded (no accents).
  stem: stemmer,
  numbers: {
    words: { uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9 },
    before: ['opción', 'opcion', 'número', 'numero'],
    after: '',
  },
  switching: {
    names: { en: ['inglés', 'ingles'], es: ['español', 'espanol', 'castellano'], zh: ['chino'] },
    filler: ['en', 'por', 'favor', 'hablar', 'hablo', 'habla'],
    commands: ['idioma'],
    phrases: [],
  },
  // Not carrier keywords in the US, but honoured: our Spanish-speaking patients use them.
  smsKeywords: {
    optOut: ['ALTO', 'PARAR', 'PARE', 'DETENER', 'CANCELAR', 'BAJA'],
    optIn: ['COMENZAR', 'INICIAR', 'REANUDAR'],
    optInWhenOptedOut: ['SI', 'SÍ'],
    help: ['AYUDA', 'INFORMACION', 'INFORMACIÓN'],
  },
  voice: { gather: 'es-US', say: 'es-US', voice: 'Polly.Lupe-Neural' },
  detection: {
    words: words(`el la los las de del que y en un una unos unas por para con sin mi mis tu su sus es son esta está estoy están
    tengo tiene tienen hay como cómo que qué donde dónde cuando cuándo cuanto cuánto por porque hola buenas buenos
    días dias tardes noches gracias necesito quiero puedo puede pueden hacer hago sé se lo le les me te nos muy más
    mas pero también tambien ya no sí si al cita citas médico medico doctora receta recetas medicina medicinas
    pastillas dolor fiebre gripa gripe tos vacuna hijo hija bebé bebe mamá papá ayuda ayudar favor quisiera dónde
    horario abren cierran cuesta pagar seguro llamar mañana manana hoy ayer semana
    aceptan acepta tienen puedo pueden sirve funciona trabajo parches nuevo nueva viejo despues antes desde
    ultimo proximo otra otro otros vez veces entonces aqui ahi alla tambien porque siento duele mejor peor
    cansado enfermo enferma todavia nomas ahorita ustedes usted ella ellos nosotros hacer tomar llevar`),
    ambiguous: [],
    grammar: [],
    endings: null,
  },
  safety: safetyFiles('es'),
};
