import type { LanguageRules } from '../types.js';
import { tuneRules } from './base.js';

/*
 * Spanish (Latin American usage first). Text arrives without accents ("respiración" →
 * "respiracion", "año" → "ano"), so phrases may be written either way. Inability phrases
 * carry their own "no" ("no puede respirar", "no despierta") so the negation guard leaves them alone.
 */
const BABY = 'bebe|bebito|bebita|baby|nene|nena|nino|nina|hijo|hija|hijito|hijita|nieto|nieta|nacido|nacida|criatura';
const PUEDE = 'puedo|puede|podia|pude|pudo|podemos';

export const es: LanguageRules = {
  language: 'es',
  negation: { before: 3, after: 0 },
  numbers: { un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, quince: 15, veinte: 20, treinta: 30 },
  concepts: {
    // ---- guards -------------------------------------------------------------------------
    NEGATION: ['no', 'ni', 'nunca', 'sin', 'nada de', 'tampoco', 'jamas', 'ningun', 'ninguna', 'ninguno'],
    // "si" is "if" (and "sí" without its accent): a comma after it ("si, me duele") ends the clause anyway.
    HYPOTHETICAL: ['si', 'en caso de', 'por si', 'cuando alguien', 'que pasa si', 'para que', 'para evitar'],
    INFO_QUESTION: [
      'cuales|cual son|es', 'que es un|una', 'que senales', 'como se si', 'como saber', 'como puedo saber', 'como reconocer', 'como prevenir', 'prevenir', 'evitar',
      'aprender', 'primeros auxilios', 'como se siente', 'que se siente', 'cuando preocuparse', 'cuando debo preocuparme', 'informacion sobre', 'que hacer en caso',
    ],
    INFO_TOPIC: ['sintomas|senales|signos de', 'sintomas', 'senales', 'senales de alarma', 'es un sintoma', 'es sintoma', 'diferencia entre', 'como distinguir'],
    PRESENT: ['tiene|tengo|presenta … sintomas|senales', 'ahorita', 'ahora mismo', 'en este momento', 'es esto', 'sera que', 'creo que', 'hace <n:1-59> minutos|min', 'me esta pasando', 'estoy teniendo', 'esta teniendo', 'todavia', 'sigue'],
    PAST: [
      'el ano|mes pasado', 'la semana pasada', 'hace <n:1-99> anos|ano|meses|mes|semanas', 'hace un ano|mes|tiempo', 'hace mucho', 'hace anos|meses', 'en <n:1950-2035>',
      'de nino|nina|pequeno|pequena|chico|chica', 'cuando era nino|nina|chico|chica', 'la vez pasada', 'la ultima vez', 'historial de', 'antecedentes de',
      'embarazo anterior|pasado', 'estuve en urgencias', 'estuvo en urgencias', 'estuve|estuvo internad*|hospitalizad*', 'me|lo|la dieron de alta', 'dado|dada de alta',
    ],
    RESOLVED: ['ya se le paro', 'ya se paro', 'ya paro', 'ya se detuvo', 'ya se quito', 'ya se me quito', 'ya se le quito', 'ya estoy bien', 'ya esta bien', 'todo salio bien', 'ya paso', 'se le paso', 'ya desperto', 'volvio en si', 'ya se recupero'],
    IDIOM: [
      '(me muero|me mori|morir|muriendo|muero) de|por risa|hambre|sueno|ganas|frio|calor|verguenza|cansancio|miedo|aburrimiento', 'me muero por', 'muero por', 'muerto|muerta de cansancio|hambre|risa|sueno|miedo|verguenza',
      'me esta|estan matando', 'me va|van a matar', 'me mata', 'me matan', 'casi me da|dio un infarto|ataque', 'me va a dar un infarto|ataque', 'me dio un infarto (cuando|al ver)',
      'ahogo|ahoga|ahogando|ahogue de risa', 'ahogarme de risa', 'es un dolor de cabeza', 'dolor de cabeza este|esta|estos|estas', 'me parte|rompe el corazon', 'me rompio el corazon',
      'cortar|cortarme|cortando|corte … pelo|cabello|unas|fleco',
      // set phrases whose words are not symptoms
      'presion arterial', 'analisis|examen|examenes|prueba|pruebas|estudio|estudios|muestra|toma de sangre', 'azucar en la sangre', 'donar sangre', 'tipo de sangre', 'sangre en ayunas',
      'portal|pagina|sistema|app|aplicacion|telefono|linea … no responde', 'control de intoxicaciones|envenenamientos', 'centro de toxicologia',
    ],
    CLAUSE_BREAK: ['pero', 'aunque', 'sin embargo', 'oigan', 'oye', 'ahora', 'hoy', 'otra vez', 'de nuevo', 'ademas', 'por cierto'],

    // ---- shared modifiers -----------------------------------------------------------------
    // Not "pequeño"/"chiquito" alone: "mi hijo pequeño" is the child, not the injury.
    MINOR: ['un poco', 'poquito', 'poquita', 'un poquito', 'leve', 'levemente', 'ligero', 'ligera', 'ampollita', 'ampollitas', 'rasguno', 'nada mas', 'un dedo', 'pequena ampolla', 'ampolla pequena', 'ampolla chiquita'],
    SMALL_WOUND: ['cortadita', 'cortada pequena', 'curita', 'rasguno', 'nariz', 'encias', 'al cepillar*'],
    SEVERE: ['muy fuerte', 'fuertisimo', 'horrible', 'terrible', 'insoportable', 'intenso', 'intensisimo', 'severo', 'grave', 'muchisimo', 'espantoso', 'atroz', 'el peor'],
    SUDDEN: ['de repente', 'derrepente', 'repentin*', 'de golpe', 'de la nada', 'subito', 'subitamente', 'de pronto', 'hace <n:1-59> min|minutos', 'recien empezo', 'acaba de empezar'],
    ADMIN: ['receta', 'renovar', 'resurtir', 'surtir', 'cita', 'control', 'expediente', 'vacuna', 'seguro', 'rehabilitacion', 'terapia', 'chequeo', 'consulta', 'reposicion'],
    EXERTION: ['cuando subo', 'subir', 'escaleras', 'cuando camino', 'caminar', 'al caminar', 'ejercicio', 'correr', 'cuando corro', 'gimnasio'],
    HABITUAL: ['a veces', 'de vez en cuando', 'seguido', 'siempre', 'por las noches', 'en las noches', 'cronic*', 'ronc*'],
    VOMIT: ['vomit*', 'devolviendo', 'arrojando', 'guacareando'],
    DIZZY: ['mareado', 'mareada', 'mareo', 'mareos', 'me siento mareada|mareado', 'desmayar'],

    // ---- chest pain ---------------------------------------------------------------------
    CHEST: ['pecho', 'corazon', 'torax'],
    CHEST_PAIN: ['dolor', 'duele', 'dolia', 'doliendo', 'opresion', 'opresivo', 'presion', 'aprieta', 'apretado', 'apretando', 'peso', 'aplasta', 'aplastando', 'punzada', 'pesadez', 'molestia', 'oprim*', 'estruj*'],
    HEART_ATTACK: ['infarto', 'ataque al corazon', 'ataque cardiaco', 'paro cardiaco'],
    HEART_ATTACK_NOW: ['me|le esta dando un infarto', 'esta teniendo un infarto', 'creo que … infarto', 'es un infarto'],

    // ---- breathing ----------------------------------------------------------------------
    BREATH_TROUBLE: [
      `no ${PUEDE} … respirar`, 'no puede respirar', 'me|le|nos falta el aire', 'falta … aire', 'no me|le alcanza el aire', 'me ahogo', 'me estoy ahogando', 'me|le cuesta … respirar',
      'dificultad para respirar', 'trabajo para respirar', 'respira|respirando|respiracion … rapido|rapida|raro|rara|dificil|agitad*|con dificultad', 'jadeando', 'jadea', 'sin aire',
      'asfixi*', 'sofoca*', 'hunden las costillas', 'costillas … hunden|hundiendo', 'boqueando', 'sin poder respirar',
    ],
    CYANOSIS: ['labios … morados|azules|grises|moraditos', 'poniendo|puso|pone morado|morada|azul|moradito', 'cara … morada|azul', 'amoratad*'],
    WHEEZE: ['silbido', 'silbando', 'le silba el pecho', 'chifla', 'sibilanc*'],
    WHEEZE_DANGER: ['no puede hablar', 'inhalador|bomba|nebulizador|nebulizaciones … no … sirve|ayuda|funciona|hace', 'muy fuerte'],

    // ---- stroke -------------------------------------------------------------------------
    FACE_DROOP: [
      'cayo|caido|caida … cara|boca', 'cara|boca … caida|caido|torcida|chueca|paralizada|de lado|dormida', 'chueco|chueca|torcio|torcida … boca|cara', 'boca chueca', 'boca torcida',
      'lado de la cara … dormido|paralizado|caido',
    ],
    DENTAL: ['dentista', 'anestesia', 'muela', 'endodoncia', 'botox', 'paralisis facial de bell'],
    ARM_WEAK: [
      `no ${PUEDE} … mover|levantar|sentir|mueve|levanta|siente … brazo|pierna|mano|lado`, 'brazo|pierna|mano … dormido|dormida|debil|sin fuerza|paralizad*',
      'arrastra … pierna|pie', 'medio cuerpo', 'un lado del cuerpo', 'se le durmio … lado|brazo|pierna|mano', 'se me durmio … lado|brazo|pierna|mano', 'se le caen las cosas',
    ],
    SPEECH: [
      'habla|hablar|hablando raro|extrano|chistoso|enredado|arrastrado|arrastrando|incoherente|mocho|trabado', `no ${PUEDE} hablar bien`, 'traba la lengua', 'se le traba', 'se me traba',
      'arrastra las palabras', 'no se le entiende', 'balbucea', 'lengua trabada', 'dice cosas sin sentido', 'no le salen las palabras', 'no me salen las palabras',
    ],
    CONFUSED: ['confundido', 'confundida', 'desorientad*', 'no sabe donde esta', 'no reconoce'],
    VISION_LOSS: ['no ve de un ojo', 'no veo de un ojo', 'perdi la vista', 'perdio la vista', 'vision doble', 'veo doble'],
    STROKE_WORD: ['derrame', 'derrame cerebral', 'embolia', 'ictus', 'infarto cerebral', 'accidente cerebrovascular', 'ataque cerebral'],
    STROKE_NOW: ['le esta dando (un derrame|una embolia)', 'creo que … derrame|embolia', 'es (un derrame|una embolia)'],

    // ---- bleeding -----------------------------------------------------------------------
    BLEED: ['sangr*', 'hemorragia', 'desangr*'],
    HEAVY_BLEED: [
      'mucha', 'mucho', 'muchisima', 'muchisimo', 'bastante', 'un monton', 'no para', 'no se para', 'no deja de', 'no se detiene', 'no se quita', 'no se le quita', 'no para de',
      'a chorros', 'chorro', 'chorros', 'borbotones', 'empapad*', 'por todos lados', 'por todas partes', 'charco', 'aunque aprieto', 'sin parar', 'abundante', 'lleno … toallas', 'llena … toallas',
    ],
    WOUND_TRAUMA: ['apunal*', 'balazo', 'baleado', 'baleada', 'le dispararon', 'herida de bala', 'cortada profunda', 'herida profunda', 'machete', 'amputad*'],
    BLOOD_VOMIT: ['vomitando sangre', 'vomito sangre', 'vomita sangre', 'tose sangre', 'tosiendo sangre', 'escupe sangre', 'escupiendo sangre'],

    // ---- unresponsive -------------------------------------------------------------------
    UNRESPONSIVE: [
      'no despierta', 'no se despierta', `no lo|la|le ${PUEDE} despertar`, 'no reacciona', 'no responde', 'inconsciente', 'se desmayo', 'me desmaye', 'desmayad*', 'perdio el conocimiento',
      'perdio la conciencia', 'no vuelve en si', 'no respira', 'dejo de respirar', 'no tiene pulso', 'se desvanecio', 'se colapso', 'se desplomo',
    ],

    // ---- seizure ------------------------------------------------------------------------
    SEIZURE: ['convulsion', 'convulsiones', 'convulsiono', 'ataque epileptico', 'crisis convulsiva', 'ataque de epilepsia'],
    SEIZURE_NOW: ['convulsionando', 'esta convulsionando', 'convulsiona', 'le esta dando (una convulsion|un ataque)', 'ojos en blanco', 'espuma por la boca', 'echando espuma', 'convulsion … no para'],
    FIT: ['le dio un ataque', 'le esta dando un ataque'],
    SHAKING: ['temblando … todo el cuerpo', 'temblando … todo', 'sacudiendo', 'sacudidas', 'se sacude', 'todo el cuerpo … temblando'],

    // ---- suicide / self-harm ------------------------------------------------------------
    SUICIDAL: [
      'matarme', 'me quiero matar', 'me voy a matar', 'matarse', 'se quiere matar', 'se va a matar', 'suicid*', 'quitarme la vida', 'quitarse la vida', 'quitar la vida',
      'me quiero morir', 'quiero morirme', 'quiero morir', 'se quiere morir', 'no quiero vivir', 'no quiero seguir viviendo', 'no quiero seguir', 'no quiero despertar', 'ya no quiero estar aqui',
      'acabar con mi vida', 'acabar con todo', 'terminar con todo', 'terminar con mi vida', 'me estoy cortando', 'se esta cortando', 'cortarme las venas|munecas|brazos', 'me corte|corto a proposito',
      'hacerme dano', 'lastimarme', 'autolesion*', 'colgarme', 'tirarme … puente|edificio', 'aventarme', 'no vale la pena vivir', 'mejor muerto|muerta', 'mejor estaria muerto|muerta',
    ],

    // ---- overdose / poisoning -----------------------------------------------------------
    INGESTED: ['tome', 'tomo', 'se tomo', 'me tome', 'trague', 'trago', 'se trago', 'comio', 'se comio', 'bebio', 'se bebio', 'ingirio', 'se metio', 'tomaron', 'se tomaron'],
    LARGE_AMOUNT: ['todo el frasco|bote|paquete|blister', 'toda la caja|botella', 'todas las|mis|sus pastillas', 'un monton de', 'muchas', 'demasiad*', 'un puno', 'frasco entero', 'caja entera', '<n:8-500> pastillas|tabletas', 'varias cajas'],
    DRUG: [
      'pastilla*', 'pildora*', 'tableta*', 'medicina*', 'medicamento*', 'remedio*', 'paracetamol', 'tylenol', 'ibuprofeno', 'aspirina', 'clonazepam', 'rivotril', 'alprazolam',
      'insulina', 'opioide*', 'fentanilo', 'heroina', 'droga*', 'antidepresivo*', 'somnifero*', 'para dormir',
    ],
    POISON: [
      'cloro', 'blanqueador', 'lejia', 'veneno', 'raticida', 'matarratas', 'insecticida', 'pesticida', 'plaguicida', 'detergente', 'capsula* de detergente', 'lavavajillas', 'limpiador',
      'destapacanos', 'quitasarro', 'gasolina', 'thinner', 'anticongelante', 'acido', 'sosa caustica', 'pila de boton', 'productos de limpieza', 'fabuloso', 'pinol', 'petroleo', 'aguarras',
    ],
    OVERDOSE_WORD: ['sobredosis', 'se paso de dosis', 'me pase de dosis', 'intoxicad*', 'envenenad*', 'envenen*'],

    // ---- anaphylaxis --------------------------------------------------------------------
    ALLERGEN: [
      'pico', 'picadura', 'abeja', 'avispa', 'cacahuate*', 'mani', 'nuez', 'nueces', 'camaron*', 'mariscos', 'pescado', 'alergi*', 'alergic*', 'amoxicilina', 'penicilina',
      'antibiotico*', 'inyeccion', 'vacuna', 'comio', 'comer', 'despues de tomar', 'medicina nueva',
    ],
    THROAT_CLOSING: ['se me|le cierra la garganta', 'garganta … cerrando|cierra|cerro|cerrada'],
    THROAT_SWELL: ['garganta … hinch*|inflam*', 'hinch* … garganta', 'lengua … hinch*', 'hinch* … lengua', 'no puedo|puede tragar'],
    FACE_SWELL: ['cara|labios|labio|lengua|ojos|boca|parpados … hinch*', 'hinch* … cara|labios|lengua|ojos|boca|parpados'],
    HIVES: ['ronchas', 'urticaria', 'sarpullido … todo', 'ronchas por todo'],
    ANAPHYLAXIS_WORD: ['anafila*', 'reaccion alergica', 'choque anafilactico', 'epipen', 'epinefrina'],

    // ---- infant fever -------------------------------------------------------------------
    INFANT_AGE: [
      `${BABY} … de <n:0-90> dias|dia`, `${BABY} … de <n:0-12> semanas|semana`, `${BABY} … de <n:0-2> mes|meses`, '<n:0-90> dias de nacid*', '<n:0-12> semanas de nacid*|edad|vida',
      '<n:0-2> mes|meses de nacid*|edad|vida', 'recien nacid*', 'recien nacido', 'neonato',
    ],
    FEVER: ['fiebre', 'calentura', 'temperatura', 'caliente', 'calientito', 'calientita', 'termometro', 'febril', '<n:38-42.9>', '<n:100.4-107>'],

    // ---- pregnancy bleeding -------------------------------------------------------------
    PREGNANT: ['embaraz*', 'encinta', 'aborto'],
    CRAMPS: ['colicos', 'dolor fuerte', 'dolor … panza|vientre|barriga|abdomen', 'coagulos', 'cuagulos', 'contracciones'],

    // ---- burns --------------------------------------------------------------------------
    // Not "me quema el pecho": that is heartburn. Past forms are the injury.
    BURN: ['quemo', 'queme', 'quemaron', 'quemadura*', 'quemad*', 'escald*', 'incendio', 'hirviendo', 'se prendio', 'electrocut*'],
    BURN_SEVERE: [
      'piel … blanca|negra|carbonizada|pelando|despellej*', 'se le cae la piel', 'ampollas', 'ampolla', 'grave*', 'todo el|la brazo|cuerpo|pecho|espalda|cara|pierna', 'en todo',
      'grande*', 'tercer grado', 'segundo grado', 'incendio', 'quimic*', 'fuego', 'explosion',
    ],
    // Burning sensation (heartburn) words, known here so the typo tolerance never reads "quema" as "quemó".
    HEARTBURN: ['me|le quema', 'me|le arde', 'ardor', 'agruras', 'acidez', 'reflujo'],
    BURN_AREA: ['quemo|quemaron|quemadura|quemaduras … cara|pecho|cuello|ojos', 'cara|pecho|cuello … quemad*'],

    // ---- thunderclap headache -----------------------------------------------------------
    HEADACHE: ['dolor de cabeza', 'cabeza … duele|dolor|explota|exploto|estalla|revienta|partir|parte', 'jaqueca', 'migrana'],
    WORST_EVER: ['el peor … dolor', 'peor … de mi|su vida', 'nunca … sentido|tenido … asi|igual', 'nunca habia', 'como un trueno', 'trueno', 'exploto', 'explota', 'estallar', 'como un golpe|balazo|martillazo', 'como si me pegaran'],
    STIFF_NECK: ['cuello … tieso|rigido|duro', 'rigidez … cuello', 'nuca … rigida|tiesa|dura'],

    // ---- choking ------------------------------------------------------------------------
    CHOKING: ['atragant*', 'atoro', 'se atoro', 'atorad*', 'ahogando con', 'se ahoga con', 'se ahogo con', 'se le atoro', 'atascad* en la garganta', 'algo … atorado … garganta'],
    SWALLOWED_OBJECT: ['trago … moneda|pila|iman|juguete|uva|pedazo|canica|hueso|bolita', 'moneda|pedazo|uva|hueso … atorad*|atascad*'],
  },

  rules: tuneRules({
    set: {
      // "ardor de estómago" (heartburn) shares its words with burns.
      'burns.severe': { unless: ['MINOR', 'HEARTBURN'] },
      'burns.area': { unless: ['MINOR', 'HEARTBURN'] },
      'thunderclap.worst': { window: 14 },
    },
  }),
};
