import type { LanguageRules } from '../types.js';
import { tuneRules } from './base.js';

/*
 * Spanish (Latin American usage first, Spain and Southern Cone variants too). Text arrives
 * without accents ("respiración" → "respiracion", "año" → "ano"), so phrases may be written
 * either way. Inability phrases carry their own "no" ("no puede respirar", "no despierta") so the
 * negation guard leaves them alone. Patients write in chat shorthand ("bb", "q", "x", "d",
 * "kiere") and mix in English ("my baby tiene fever"): both are in the lexicon.
 */
const BABY = 'bebe|bebito|bebita|bebes|baby|bb|nene|nena|nino|nina|hijo|hija|hijito|hijita|nieto|nieta|nacido|nacida|criatura|guagua|guagüita|guaguita|crio|cria';
const PUEDE = 'puedo|puede|podia|pude|pudo|podemos|pueden';
/** A child, as parents and grandparents say it. */
const KID = 'nino|nina|ninos|ninas|nene|nena|nenes|nenas|hijo|hija|hijos|hijas|mijo|mija|hijito|hijita|nieto|nieta|nietos|nietos|sobrino|sobrina|bebe|bebito|bebita|bb|baby|guagua|crio|cria|chamaco|chamaca|chamaquito|chamaquita|escuincle|chiquito|chiquita|chiquillo|chiquilla|peque|pequeno|pequena|toddler|kid|kids|pibe|piba|cipote|chavito|chavita|chigüin|güila|gurí|gurisa|patojo|patoja|carajito|carajita';
/** Who hurts whom at home. */
const ABUSER = 'esposo|marido|pareja|novio|novia|esposa|mujer|ex|exesposo|exmarido|papa|padre|mama|madre|padrastro|madrastra|hijo|hija|hermano|hermana|suegro|suegra|cunado|tio|abuelo|el|ella|concubino|compañero|companero|viejo';
/** Hitting, as a third person does it to "me". */
const HITS_ME = 'me pega|me pego|me golpea|me golpeo|me golpearon|me empuja|me empujo|me ahorca|me ahorco|me ahorcó|me patea|me pateo|me cachetea|me cacheteo|me abofetea|me abofeteo|me lastima|me lastimo|me maltrata|me maltrato|me jalonea|me jaloneo|me amenaza|me amenazo|me encierra|me encerro|me estrangulo|me estrangula|me quemo|me hit|me pegaron|me tiro|me aventó|me avento|me apreto el cuello|me agarro del cuello';
/** Seeing, in any person. */
const SEE = 've|veo|vea|vez|viendo|mira|miro|veia';

export const es: LanguageRules = {
  language: 'es',
  // Four words back: "no tengo pensamientos de hacerme daño", "no estoy pensando en matarme".
  negation: { before: 4, after: 0 },
  negationStops: ['y', 'pero', 'luego', 'entonces'],
  // "n" is English chat for "and" ("cant breathe n lips blue"); "material" and "poster" are English words too.
  localGuards: ['n', 'material', 'poster'],
  numbers: {
    un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15,
    dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60,
  },
  concepts: {
    // ---- guards -------------------------------------------------------------------------
    NEGATION: [
      'no', 'ni', 'nunca', 'sin', 'nada de', 'tampoco', 'jamas', 'ningun', 'ninguna', 'ninguno', 'n',
    ],
    // "si" is "if" (and "sí" without its accent): a comma after it ("si, me duele") ends the clause anyway.
    HYPOTHETICAL: ['si', 'en caso de', 'por si', 'cuando alguien', 'a alguien con|que', 'alguien que (tenga|tiene|esta)', 'que pasa si', 'para que', 'para evitar', 'if', 'algun dia', 'alguna vez', 'llegara a', 'llegase a'],
    INFO_QUESTION: ['a que temperatura', 'como (suena|se oye|se escucha|se ve|se nota|se reconoce)', 'debo preocupar*', 'que se siente (cuando|si|tener)', 'como se (da|dan|hace|hacen|aplica|aplican)', 'se puede (volver|convertir|complicar)', 'puede (volverse|convertirse|causar)', 
      'cuales|cual son|es', 'que|q|k es un|una|el|la', 'que|q|k son', 'q es', 'k es', 'que senales', 'como se si', 'como saber', 'como puedo saber', 'como sabemos', 'como reconocer', 'como prevenir', 'prevenir', 'prevencion', 'evitar',
      'aprender', 'primeros auxilios', 'como se siente', 'cuando preocuparse', 'cuando debo preocuparme', 'informacion sobre', 'que hacer en caso', 'que significa', 'es cierto que',
      'se considera', 'a partir de', 'cuantos grados', 'que nivel', 'curso', 'clase', 'taller', 'capacitacion', 'capacitando', 'charla', 'platica', 'folleto*', 'presentacion', 'proyecto', 'poster',
      'cartel*', 'tarea', 'material educativo', 'material', 'como se usa', 'como se hace', 'que debemos hacer', 'que debo hacer',
    ],
    INFO_TOPIC: ['(examen|exam) de', 'estudiando para', '(vi|vimos|mire|mirando|viendo) un (video|documental|reel)', 'un video de', 'sintomas|senales|signos de', 'sintomas', 'senales', 'senales de alarma', 'signos de alarma', 'es un sintoma', 'es sintoma', 'diferencia entre', 'como distinguir'],
    PRESENT: ['tiene|tengo|presenta … sintomas|senales', 'ahorita', 'ahora mismo', 'en este momento', 'es esto', 'sera que', 'creo que', 'hace <n:1-59> minutos|min', 'me esta pasando', 'estoy teniendo', 'esta teniendo', 'todavia', 'sigue'],
    PAST: ['(lunes|martes|miercoles|jueves|viernes|sabado|domingo) pasado', '(me|le|se) (la|lo|las|los) (sacaron|quitaron|extrajeron) (con|por) (endoscopia|cirugia)', 'en (mi|su) (primer|ultimo|anterior) (parto|embarazo|cesarea)', '(mi|su) (primer|ultimo|anterior) (parto|embarazo|cesarea)', 
      'el ano|mes pasado', 'la semana pasada', 'hace <n:1-99> anos|ano|meses|mes|semanas', 'hace un ano|mes|tiempo', 'hace tiempo', 'hace mucho tiempo', 'tenia <n:0-99> anos|ano|meses', 'cuando … era (nino|nina|bebe|chiquito|chiquita|joven|chico|chica)', 'me cortaba', 'hace mucho', 'hace anos|meses', 'en <n:1950-2035>',
      'de nino|nina|pequeno|pequena|chico|chica|chiquito|chiquita|joven|adolescente|bebe', 'cuando era nino|nina|chico|chica|joven|bebe', 'cuando tenia', 'a los <n:0-99> anos|ano|meses',
      'la vez pasada', 'la ultima vez', 'historial de', 'historia de', 'antecedentes de', 'embarazo anterior|pasado', 'primer embarazo', 'estuve en urgencias', 'estuvo en urgencias',
      'estuve|estuvo internad*|hospitalizad*', 'me|lo|la dieron de alta', 'dado|dada de alta', 'informe de alta', 'el invierno|verano|otono pasado', 'la primavera pasada',
    ],
    RESOLVED: [
      'ya se le paro', 'ya se paro', 'ya paro', 'ya se detuvo', 'ya se quito', 'ya se me quito', 'ya se le quito', 'ya estoy bien', 'ya esta bien', 'todo salio bien', 'ya (se|me|le) paso', 'se (me|le) paso', 'ya paso (todo|el dolor|la crisis|el ataque|la convulsion)', 'se le paso',
      'ya desperto', 'volvio en si', 'ya se recupero', 'se recupero', 'ya sano', 'ya esta normal', 'ya esta jugando', 'ya no sangra', 'ya no sangro', 'estamos bien', 'sin hacerlo', 'ya no lo hago',
    ],
    IDIOM: [
      // A blood draw for a lab test is no bleeding.
      '(sacar|sacarme|sacarle|sacarte|sacaron|saquen|sacan|extraer|tomar|tomarme|tomarle) (sangre|muestra de sangre|muestras de sangre)', '(analisis|examen|estudios|prueba) de sangre',
      // A transfusion is a treatment, not a sign of bleeding now.
      '(transfusion|transfusiones) (de sangre|)', '(me|le|nos|les) (pusieron|pasaron|dieron) sangre',
      // "No veo nada en la piel": nothing to see on the skin, not sight lost.
      'no (le|les)? veo nada (en la piel|en su piel|en mi piel|raro|extrano|malo|anormal)', 'no veo nada (en la piel|en su piel|en mi piel|raro|extrano|malo|anormal)', 'no le veo nada (en la piel|en su piel|raro|extrano|malo|anormal)','respirar de (la |)(emocion|felicidad|risa|alegria|gusto)', 'violacion (de|a) (la |las |los |el |mi |mis |su |sus |)(privacidad|hipaa|derechos|derecho|ley|leyes|norma|normas|reglas|reglamento|contrato|confidencialidad|datos|seguridad|politica|politicas|codigo|garantia)', 'duele el corazon por', 'me duele el alma', 'no (responde|contesta) (mis|los|a mis|sus) (mensajes|llamadas|correos|textos|whats)', 'ahog* en un vaso de agua', 'ahogad* en (deudas|trabajo|pendientes|tramites|problemas|papeles)', 'atragant* de risa', 
      '(me muero|me mori|morir|muriendo|muero|muerta|muerto|me voy a morir) de|por|d risa|hambre|sueno|ganas|frio|calor|verguenza|cansancio|miedo|aburrimiento', 'me muero por', 'muero por', '(morir|morirme|muero|muriendo|morirse) de la (verguenza|pena|risa|emocion)',
      'muerto|muerta de cansancio|hambre|risa|sueno|miedo|verguenza', 'me voy a morir si', 'se muere si', 'de muerte', 'pie en la tumba', 'me da un patatus', 'casi me da algo',
      'me esta|estan matando', 'me va|van a matar', 'me mata', 'me matan', 'casi me da|dio un infarto|ataque', 'me va a dar un infarto|ataque', 'me dio un infarto (cuando|al ver)',
      'ahogo|ahoga|ahogando|ahogue de risa', 'ahogarme de risa', 'me tiene ahogada|ahogado', 'es un dolor de cabeza', 'dolor de cabeza este|esta|estos|estas', 'me parte|rompe el corazon',
      'me rompio el corazon', 'se me paro el corazon', 'se me helo la sangre', 'me sangra el bolsillo', 'cara de verguenza|pena', 'me tiene frito|frita',
      'cortar|cortarme|cortando|corte … pelo|cabello|unas|fleco', 'i m dying', 'im dying', 'no literal',
      // set phrases whose words are not symptoms
      'presion arterial', 'analisis|examen|examenes|prueba|pruebas|estudio|estudios|muestra|toma de sangre', 'azucar en la sangre', 'donar sangre', 'tipo de sangre', 'sangre en ayunas',
      'portal|pagina|sistema|app|aplicacion|telefono|linea … no responde', 'control de intoxicaciones|envenenamientos', 'centro de toxicologia', 'intoxicacion alimentaria',
      'para la presion', 'de la presion', 'para el corazon', 'del corazon', 'presion alta|baja', 'moleste', 'prueba del vaso', 'no me (pega|pego|golpea|golpeo|empuja|maltrata|amenaza|lastima|ha pegado|ha golpeado|ha tocado|toca)', 'nunca me (ha pegado|ha golpeado|pega|pego)',
      // as long as the violence phrase it sits in ("mi esposo no me pega"), so it still counts as a guard
      `(${ABUSER}) (no|nunca|jamas) (me|nos) … (pega|pego|golpea|golpeo|empuja|maltrata|amenaza|lastima|pegado|golpeado|tocado|toca|hace nada)`,
    ],
    CLAUSE_BREAK: ['pero', 'aunque', 'sin embargo', 'oigan', 'oye', 'ahora', 'hoy', 'otra vez', 'de nuevo', 'ademas', 'por cierto', 'tambien', 'tmb', 'bueno'],

    // ---- shared modifiers -----------------------------------------------------------------
    // Not "pequeño"/"chiquito" alone: "mi hijo pequeño" is the child, not the injury.
    // "como si" (as if) is a simile, not a condition: a concept no rule uses, so its "si" is no guard.
    AS_IF: ['como si'],
    MINOR: [
      'un poco', 'poquito', 'poquita', 'un poquito', 'leve', 'levemente', 'ligero', 'ligera', 'ampollita', 'ampollitas', 'rasguno', 'nada mas', 'un dedo', 'pequena ampolla', 'ampolla pequena',
      'ampolla chiquita', 'es chiquita', 'es chiquito', 'manchita', 'raspon', 'raspada', 'raspado',
    ],
    SMALL_WOUND: ['cortadita', 'cortada pequena', 'curita', 'rasguno', 'nariz', 'encias', 'al cepillar*', 'raspon', 'cortadita', 'hemorroides'],
    SEVERE: [
      'muy fuerte', 'fuertisimo', 'horrible', 'terrible', 'insoportable', 'intenso', 'intensisimo', 'severo', 'grave', 'muchisimo', 'espantoso', 'atroz', 'el peor', 'dolor fuerte', 'fuerte dolor',
      'bien fuerte', 'super fuerte', 'demasiado fuerte', 'tan fuerte', 'horrores', 'a morir', 'no aguanto', 'no lo aguanto', 'insoportabl*', 'doblad*', 'retorciendo', 'retorcia', 'horrible*',
      'mucho dolor', 'rarisimo', 'tremendo',
    ],
    SUDDEN: ['desde (la|esta) (tarde|manana|noche)', 'eso es nuevo', 'es nuevo', 'nunca le habia pasado', 'nunca me habia pasado', 
      'de repente', 'derrepente', 'd repente', 'repentin*', 'de golpe', 'de la nada', 'subito', 'subitamente', 'de pronto', 'hace <n:1-59> min|minutos|minutitos', 'recien empezo', 'acaba de empezar',
      'me acaba de empezar', 'de un momento a otro', 'de un rato a otro', 'empezo|empezaron|comenzo hace', '(empezo|empezaron|comenzo|empezó) (al|a la|en la|de golpe|de repente)', 'hace media hora', 'hace una hora', 'hace un ratito', 'all of a sudden',
      'suddenly', 'sin aviso', 'asi nomas de la nada', 'en plena*', 'desde hace un rato',
    ],
    ADMIN: [
      'receta', 'renovar', 'resurtir', 'surtir', 'cita', 'control', 'expediente', 'vacuna', 'seguro', 'rehabilitacion', 'recuperacion', 'recuperandose', 'cuidador*', 'terapia', 'chequeo', 'consulta', 'reposicion', 'carta', 'certificado',
      'formulario', 'constancia', 'justificante', 'factura', 'copia', 'informe', 'historial', 'refill', 'appointment', 'insurance', 'licencia', 'abogad*', 'tramite*',
    ],
    EXERTION: ['cuando subo', 'subir', 'escaleras', 'cuando camino', 'caminar', 'al caminar', 'ejercicio', 'correr', 'cuando corro', 'gimnasio', 'de ir al bano'],
    ONGOING_SINCE: ['desde (la semana pasada|el mes pasado|el ano pasado|hace)', 'desde (el |)(lunes|martes|miercoles|jueves|viernes|sabado|domingo) pasado', 'desde hace <n:1-99> (anos|ano|meses|mes|semanas|semana|dias|dia)', 'lleva (desde|ya) … (semana pasada|mes pasado|hace)'],
    HABITUAL: ['a veces', 'de vez en cuando', 'seguido', 'siempre', 'por las noches', 'en las noches', 'cronic*', 'ronc*', 'desde hace anos', 'desde siempre', 'de siempre'],
    VOMIT: ['vomit*', 'devolviendo', 'devuelve', 'devolvio', 'arrojando', 'arroja', 'guacareando', 'guacarea', 'trasbocando', 'basqueando', 'vomiting', 'throwing up', 'gomitando', 'bomit*', 'vomi'],
    NAUSEA: ['nause*', 'ganas de vomitar', 'asco', 'estomago revuelto', 'revuelto el estomago', 'me dan ascos', 'basca*', 'nausea*', 'nauseous', 'mareo y asco'],
    DIZZY: ['mareado', 'mareada', 'mareo', 'mareos', 'me mareo', 'se marea', 'me siento mareada|mareado', 'desmayar', 'desmayarme', 'vahido', 'vertigo', 'todo da vueltas', 'dizzy', 'aturdid*'],

    // ---- chest pain ---------------------------------------------------------------------
    CHEST: ['pecho', 'corazon', 'torax', 'esternon', 'chest'],
    CHEST_PAIN: ['apret*', 'aplast*', 'estrujar*', 
      'dolor', 'duele', 'dolia', 'doliendo', 'opresion', 'opresivo', 'presion', 'aprieta', 'apretado', 'apretando', 'peso', 'aplasta', 'aplastando', 'punzada', 'pesadez', 'molestia', 'oprim*',
      'estruj*', 'pincha', 'pinchazo*', 'punza', 'punzante', 'pain', 'tight', 'pressure', 'cerrado', 'estrujando', 'encogido',
    ],
    HEART_ATTACK: ['infarto', 'ataque al corazon', 'ataque cardiaco', 'paro cardiaco', 'heart attack', 'infartando'],
    HEART_ATTACK_NOW: ['(igual|igualito|como|lo mismo) (que|a) (su|mi|el) (infarto|ataque)', 'me|le esta dando un infarto', 'esta teniendo un infarto', 'creo que … infarto', 'es un infarto', 'esta infartando', 'me estoy infartando'],
    RADIATING_PAIN: [
      '(mandibula|quijada|cuello|espalda|hombro|hombros|brazo izquierdo|omoplatos|omoplato|paletas|jaw|back|muela|dientes) … (duele|dolor|duelen|adolorid*|pain|hurts|presion|entumid*)',
      '(duele|duelen|dolor|pain|presion) … (mandibula|quijada|cuello|espalda|hombro|hombros|brazo izquierdo|omoplatos|paletas|jaw|back)', 'entre (los omoplatos|las paletas)',
      'se me|le corre … brazo|espalda|quijada|mandibula', 'baja … brazo izquierdo',
    ],
    SWEAT: ['sudor*', 'sudand*', 'sudado', 'sudada', 'suda', 'sudo mucho', 'sudoroso', 'sudorosa', 'empapad* en sudor', 'sweat*', 'pegajoso', 'pegajosa', 'frio y humedo', 'perspir*', 'transpir*'],
    PALPITATIONS: [
      'corazon … (como loco|acelerad*|a mil|rapidisimo|muy rapido|palpita*|late muy|late rapido|late fuerte|brinca|salta|se sale|desbocado|galopa|taquicard*|loco|fuertisimo|racing)',
      'palpitacion*', 'taquicardia', 'latidos … (rapidos|irregulares|fuertes|acelerados)', 'pulso … (acelerado|rapidisimo|<n:140-300>)', 'me palpita', 'heart … racing',
    ],
    LEG_SWELL: [
      '(pierna|pantorrilla|pantorillas|chamorro|pantorrillas|gemelo|canilla|leg|calf) … (hinchad*|inflamad*|inchad*|roja|caliente|swollen|dura y)', 'hinchad* … (pierna|pantorrilla|chamorro)',
      'una pierna … mas gruesa|grande', 'trombosis', 'coagulo … pierna',
    ],

    // ---- breathing ----------------------------------------------------------------------
    BREATH_TROUBLE: [
      `no ${PUEDE} … respirar`, 'no puede respirar', 'me|le|nos falta el aire', 'falta … aire', 'no me|le alcanza el aire', 'me ahogo', 'me estoy ahogando', 'se esta ahogando', 'me|le cuesta … respirar',
      'dificultad para respirar', 'trabajo para respirar', 'respira|respirando|respiracion … rapid*|raro|rara|rarisimo|dificil|agitad*|con dificultad|fuerte|entrecortad*', 'jadeando', 'jadea', 'sin aire',
      'asfixi*', 'sofoca*', 'hunden las costillas', 'costillas … hunden|hundiendo', 'boqueando', 'sin poder respirar', 'no le entra … aire', 'no me entra … aire', 'no respira bien',
      'respira con mucha dificultad', 'apenas puede respirar', 'casi no puede respirar', 'shortness of breath', 'cant breathe', 'short of breath', 'ahogo', 'ahogandose', 'se ahoga', 'fatiga … respirar',
      'le falta la respiracion', 'respirar … (le|me) cuesta', 'respira … (con|muy) … (esfuerzo|dificil)',
    ],
    NOT_BREATHING: ['no (le|se) (siento|oigo|escucho|encuentro) (el corazon|el pulso|latir)', 
      'no respira', 'no esta respirando', 'dejo de respirar', 'sin respirar', 'no tiene pulso', 'sin pulso', 'no le encuentro el pulso', 'no le siento el pulso', 'no le late', 'no late',
      'no respira bien', 'apenas respira', 'casi no respira', 'not breathing', 'haciendo compresiones',
    ],
    SLOW_BREATHING: [
      'respira|respirando|respiracion … lento|lenta|lentito|despacio|despacito|poquito|superficial', 'respira … cada <n:5-60> segundos', 'ronca … raro|feo|fuerte', 'ronquidos raros',
      'gorgote*', 'gorgoreo', 'estertor*', 'apenas respira', 'casi no respira', 'respiracion lenta', 'hace ruido como ronquido',
    ],
    CYANOSIS: [
      'labios … morados|azules|azul|grises|gris|moraditos|azulados|azulado|azulitos|azulito|negros|blue|purple', 'poniendo|puso|pone|pusieron|ponen morado|morada|azul|moradito|moradita|azulado|azulada|gris',
      'cara … morada|azul|azulada|gris|grisacea|grisaceo', 'amoratad*', 'azulad*', 'grisace*', 'se ve gris', 'se ve azul', 'se puso azul', 'turning blue', 'unas … moradas|azules', 'lengua … morada|azul',
    ],
    WHEEZE: ['silbido', 'silbando', 'le silba el pecho', 'me silba el pecho', 'chifla', 'chiflido', 'sibilanc*', 'wheez*', 'pitido en el pecho', 'pecho … silba|chilla|pita'],
    ASTHMA: ['asma*', 'asmatic*', 'inhalador*', 'bomba', 'bombita', 'puff', 'puffs', 'salbutamol', 'ventolin', 'nebuliz*', 'crisis asmatica', 'ataque de asma', 'inhaler', 'albuterol', 'camara espaciadora'],
    WHEEZE_DANGER: ['solo (puedo|puede|podia) decir … palabras', 'no (puedo|puede|podia) ni hablar', '(inhalador|bomba|nebulizador|salbutamol|ventolin|puff) … no (me|le|nos) (alivia|quita|calma)', '(inhalador|salbutamol|bomba|puff|disparos) … <n:6-40> (veces|disparos|puffs)', 'sigo con (silbido|ahogo)', 
      `no ${PUEDE} hablar`, 'no puede hablar', 'no puedo hablar', 'casi no puede|puedo hablar', 'no puede decir', 'no termina las frases', 'no puede terminar', 'no le salen las palabras',
      'inhalador|bomba|nebulizador|nebulizaciones|salbutamol|ventolin|puff … no … sirve|ayuda|funciona|hace|mejora', 'no … (le|me) hace nada', 'no mejora', 'no sirve', 'no esta funcionando',
      'no (me|le) esta funcionando', 'no funciona', 'muy fuerte', 'costillas', 'se le hunde*', 'inclinad* hacia adelante', 'mas de dos palabras', 'cant talk',
      // Many puffs already (the count may come a sentence after the inhaler), and talk cut short.
      '(puff|puffs|disparos|inhalaciones|aplicaciones|bomba|inhalador|salbutamol|ventolin) … … (van|llevo|lleva|llevamos|eche|echado|di|dado|puse) (ya |)(como |unos |unas |casi |mas de |)<n:6-60>',
      '(inhalador|bomba|salbutamol|ventolin|puff|nebuliz*) … cada <n:5-30> (min|minutos)', `sin ${PUEDE} (hablar|terminar|decir)`, 'sin poder (hablar|terminar|decir)', `no ${PUEDE} terminar (una |la |las |)(frase|frases|oracion)`, 'palabra por palabra',
    ],
    STRIDOR: ['(silba|chifla|chilla|pitido|silbido) … (al inhalar|al meter (el |)aire|al jalar aire|al respirar hacia adentro)', 
      'estridor', 'stridor',
      '(ruido|sonido|chillido|pitido|silbido|chiflido|ronquido|silbo) … (agudo|fuerte|ronco|raro|feo) … (respira*|aire|inhala*|adentro)',
      '(chillido|pitido|chiflido|ruido agudo|ruido fuerte|ruido ronco|sonido agudo|silbido fuerte) … (al|cuando|cada vez que) … (respira*|jalar|jala|meter|mete|tomar|toma|inhala*|entra)',
      '(al|cuando|cada vez que) … (respira*|jala|jalar|mete|meter|toma|tomar|inhala*) … (chillido|pitido|chiflido|ruido agudo|ruido fuerte|ruido ronco|silbido fuerte)',
      'hacia adentro … (ruido|chillido|pitido|silbido)', '(ruido|chillido|pitido|silbido) … hacia adentro', 'al jalar aire', 'al meter aire', 'gallo al respirar',
    ],
    INFANT_BREATHING: ['aletas de la nariz', 'se le abren … nariz', 'puja … (cada|al) … respira*', 'se queja … (al respirar|cada respiracion)', 
      'pausas … respira*', 'deja de respirar … (segundos|ratitos|ratos|momentos)', 'se queda … sin respirar', 'sin respirar … segundos', 'se le hunde*|hunden … (panza|cuello|costillas|pecho|piel|barriga|pancita|estomago|abdomen)',
      'hundimiento', 'tiraje', 'aleteo nasal', 'aletea … nariz', 'le aletea', 'nariz … aletea|abre y cierra', 'quejido … (respira*|cada|con cada)', 'quej* … (cada|con cada) … respira*',
      'gru* … (al respirar|cada respiracion)', 'se le marcan las costillas', 'se le ven las costillas', 'costillas … marcan|metiendo|sumen|hunden',
    ],
    DROWSY: [
      'somnolient*', 'adormilad*', 'adormecid*', 'dormilon', 'dormilona', 'muy dormid*', 'muy dormilon', 'modorr*', 'aletargad*', 'letargic*', 'sleepy', 'drowsy', 'se queda dormid*',
      'se duerme … (todo el rato|a cada rato|hablando|otra vez)', 'se vuelve a dormir', 'no se puede mantener despiert*', 'no puede estar despiert*', 'muy sonolient*', 'sonolient*', 'con mucho sueno',
      'cabeceando', 'atontad*', 'zombie', 'medio dormid*', 'no abre … ojos', 'quiere dormir',
    ],
    CONFUSED: [
      'confundido', 'confundida', 'confusion', 'desorientad*', 'no sabe donde esta', 'no reconoce', 'como ido', 'como ida', 'no contesta|responde bien', 'no me contesta|responde bien', 'no sabe en que',
      'pregunta|pregunte|preguntando … lo mismo', 'repite … lo mismo', 'no se acuerda|acuerde|recuerda|recuerde', 'dice cosas … sin sentido', 'no tiene|tienen sentido', 'sin sentido', 'incoherente*',
      'delira*', 'desvaria*', 'no entiende … (lo que|nada|que le)', 'perdid* … no sabe', 'medio confundid*', 'confused', 'no esta en sus cabales', 'no coordina', 'dice cosas raras', 'habla incoherencias',
      'no sabe quien', 'no me reconoce',
    ],

    // ---- stroke -------------------------------------------------------------------------
    FACE_DROOP: ['torci* … (sonrisa|boca|cara)', 'no (mueve|puede mover) (un lado|la mitad) de la cara', '(cayendo|callendo|callo|caia|cai) … (boca|cara|labio|labios)', '(boca|cara) … (cayendo|callendo|colgando)', 
      'cayo|caido|caida|cae … cara|boca', '(cara|boca) … (caida|caido|torcida|chueca|paralizada|de lado|dormida|ladeada|colgada|derretida)', 'chueco|chueca|torcio|torcida … boca|cara', 'boca chueca', 'boca torcida',
      'lado de la cara … dormido|paralizado|caido|no se mueve', 'cara ladeada', 'babea … lado', 'sonrisa … (chueca|torcida|de lado|caida|ladeada)', 'se le cae … (la boca|la cara|el labio|un lado)', 'face … drooping',
      'se le fue la boca de lado', 'un lado de la cara',
    ],
    DENTAL: ['dentista', 'anestesia', 'muela', 'endodoncia', 'botox', 'paralisis facial de bell', 'paralisis de bell'],
    ARM_WEAK: ['no (puedo|puede|podia|pudo) (agarrar|sostener|apretar|tomar|coger) … (mano|manos|nada|cosas|taza|vaso|cuchara)', 
      `no ${PUEDE} … mover|levantar|sentir|mueve|levanta|siente … brazo|pierna|mano|lado|brazos|piernas`, 'brazo|pierna|mano … dormido|dormida|debil|sin fuerza|paralizad*|entumid*|no responde|muerto|muerta',
      'arrastra … pierna|pie', 'medio cuerpo', 'un lado del cuerpo', 'se le durmio … lado|brazo|pierna|mano', 'se me durmio … lado|brazo|pierna|mano', 'se me|le duerme … brazo|pierna|mano|lado',
      'se le caen las cosas', 'se le cayo … de la mano', 'no (mueve|mueva|siente|levanta) … (brazo|pierna|mano)', 'no (los|las|lo|la) (puedo|puede) mover', 'se le cae el brazo', 'sin fuerza en',
    ],
    ONE_SIDE_WEAK: [
      'lado (derecho|izquierdo) … (dormido|debil|paralizado|adormecido|entumido|sin fuerza|no lo siente|muerto|no responde)', '(brazo|pierna) y … (pierna|brazo) (izquierd*|derech*)',
      'medio cuerpo … (dormido|paralizado|debil|no)', 'todo un lado', 'un lado del cuerpo', 'se me|le va el cuerpo … lado', 'mitad del cuerpo',
    ],
    SPEECH: [
      'habla|hablar|hablando raro|extrano|chistoso|enredado|arrastrado|arrastrando|incoherente|mocho|trabado|rarisimo|gracioso|borracho', `no ${PUEDE} hablar bien`, 'traba la lengua', 'se le traba', 'se me traba',
      'arrastr* … palabras', 'no se le entiende', 'no se le entiende nada', 'balbucea', 'lengua trabada', 'lengua pesada', 'dice cosas sin sentido', 'no le salen las palabras', 'no me salen las palabras',
      'quiero decir … y (me sale|sale) otra', 'me sale otra', 'le sale otra', 'palabras … (revueltas|mezcladas|equivocadas)', 'talking funny', 'slurr*', 'se le enreda la lengua', 'no puede hablar',
      'no puede articular', 'no puede pronunciar',
    ],
    VISION_LOSS: ['(se me|se le) nublo … ojo', 'nublo … (el ojo|la vista)', 
      'no ve de un ojo', 'no veo de un ojo', 'perdi la vista', 'perdio la vista', 'vision doble', 'veo doble', 've doble', 'todo doble', `${SEE} … doble`, 'se me nublo la vista', 'no veo nada',
      'no ve nada', 'se quedo ciego|ciega', 'quede ciego|ciega', 'perdi la vision', 'double vision',
    ],
    BALANCE_LOSS: ['no (puedo|puede|podia) (guardar|mantener|tener) … equilibrio', 
      '(perdi|perdio|pierdo|pierde|perdiendo|se me fue|se le fue|sin|falta de) … equilibrio', 'no (me|se) (puedo|puede) … (parar|sostener|mantener en pie|poner de pie)', 'no puedo caminar derecho',
      'no puede caminar derecho', 'camina|caminar|caminando … (chueco|de lado|como borracho|como borracha|torcido)', 'se me|le va el cuerpo … lado', 'se va de lado', 'tambale*', 'me caigo de lado', 'se cae de lado',
      'no puede caminar', 'no coordina',
    ],
    STROKE_WORD: ['derrame', 'derrame cerebral', 'embolia', 'ictus', 'infarto cerebral', 'accidente cerebrovascular', 'ataque cerebral', 'stroke', 'acv'],
    STROKE_NOW: ['le esta dando (un derrame|una embolia)', 'creo que … derrame|embolia', 'es (un derrame|una embolia)', 'esta teniendo (un derrame|una embolia|un stroke)'],

    // ---- bleeding -----------------------------------------------------------------------
    BLEED: ['(empap*|lleno|llenando|mojo|mojando) … (toalla|toallas|compresa|compresas|toallita|panal)', 'salen coagulos', 'coagulos … (grandes|enormes|como)', 'sangr*', 'hemorragia', 'desangr*', 'bleed*', 'blood'],
    HEAVY_BLEED: [
      'mucha', 'mucho', 'muchisima', 'muchisimo', 'bastante', 'un monton', 'no para', 'no se para', 'no deja de', 'no se detiene', 'no se quita', 'no se le quita', 'no para de',
      'a chorros', 'chorro', 'chorros', 'borbotones', 'empapad*', 'por todos lados', 'por todas partes', 'charco', 'aunque aprieto', 'sin parar', 'abundante', 'lleno … toallas', 'llena … toallas',
      'una toalla por hora', 'toalla* … (cada hora|por hora|empapada*)', 'coagulos grandes', 'como una llave', 'a mares',
    ],
    MENSTRUAL: ['regla', 'periodo', 'menstrua*', 'mis dias', 'sus dias', 'en mi mes', 'tampon*', 'copa menstrual'],
    WOUND_TRAUMA: ['apunal*', 'acuchill*', 'navajazo', 'balazo', 'baleado', 'baleada', 'le dispararon', 'herida de bala', 'cortada profunda', 'herida profunda', 'machete', 'machetazo', 'amputad*', 'le cortaron', 'corte profundo'],
    BLOOD_VOMIT: [
      'vomitando sangre', 'vomito sangre', 'vomita sangre', 'tose sangre', 'tosiendo sangre', 'escupe sangre', 'escupiendo sangre', 'vomit* … (sangre|cafe molido|como cafe|borra de cafe|negro|oscuro)',
      'vomito con sangre', 'vomito de sangre', '(popo|heces|caca|excremento|evacuacion*|deposicion*|evacuaciones|hago popo) … (negr*|con sangre|como chapopote|alquitran)', 'popo negra', 'heces negras',
      'chapopote', 'alquitran', 'como cafe molido', 'sangre … (vomito|vomitos)', 'cafe molido',
    ],

    // ---- unresponsive -------------------------------------------------------------------
    UNRESPONSIVE: [
      'no despierta', 'no se despierta', `no lo|la|le ${PUEDE} despertar`, 'no reacciona', 'no responde', 'inconsciente', 'se desmayo', 'me desmaye', 'desmayad*', 'perdio el conocimiento',
      'perdio la conciencia', 'no vuelve en si', 'no respira', 'dejo de respirar', 'no tiene pulso', 'se desvanecio', 'se colapso', 'se desplomo', 'no abre los ojos', 'tirado|tirada … no (contesta|responde|reacciona|se mueve)',
      'no (me|le|nos) contesta … (sacud*|muevo|hablo|grito|llamo)', 'no contesta aunque', 'no hay manera de despertar*', 'unconscious', 'passed out', 'se privo', 'quedo privad*', 'esta privad*', 'desmayo',
      'no responde a nada', 'se cayo redondo|redonda', 'no se mueve ni', 'no abre los ojitos',
    ],
    FAINTED: ['desmay*', 'desvanec*', 'se desvanecio', 'perdio el conocimiento', 'perdi el conocimiento', 'se cayo redondo|redonda', 'se privo', 'me privé', 'me prive', 'vahido', 'fainted', 'passed out', 'se desplomo', 'me desplome'],
    NOT_WAKING: ['no vuelve en si', 'no reacciona', 'sigue sin despertar', 'no despierta', 'todavia no despierta', 'sigue inconsciente', 'no ha despertado', 'no ha vuelto en si', 'no se recupera'],
    CHILD: [KID, '<n:1-12> anos|ano|anitos|añitos|meses|mes|yo|years', 'de <n:1-12>', 'd <n:1-12>', 'el nino|la nina', 'los ninos', 'hijo|hija de', 'mi chiquito|chiquita|pequeno|pequena'],

    // ---- seizure ------------------------------------------------------------------------
    SEIZURE: ['convulsion', 'convulsiones', 'convulsiono', 'ataque epileptico', 'crisis convulsiva', 'ataque de epilepsia', 'convulsión', 'seizure', 'convulcion*', 'combulsion*'],
    SEIZURE_NOW: ['convulsionando', 'esta convulsionando', 'convulsiona', 'le esta dando (una convulsion|un ataque)', 'ojos en blanco', 'espuma por la boca', 'echando espuma', 'convulsion … no para', 'having a seizure'],
    FIT: ['le dio un ataque', 'le esta dando un ataque', 'acaba de tener una convulsion', 'le dio una convulsion'],
    SHAKING: ['temblando … todo el cuerpo', 'temblando … todo', 'sacudiendo', 'sacudidas', 'se sacude', 'todo el cuerpo … temblando', 'brincos', 'tiesa y temblando', 'tieso y temblando', 'jalones'],
    SHAKY: ['tembl*', 'tiembla', 'tiritando', 'shaky', 'shaking', 'temblorin', 'tembleque'],

    // ---- suicide / self-harm ------------------------------------------------------------
    // Spanish had no low-mood words: "me siento sin esperanza" got nothing, not the Columbia question.
    LOW_MOOD: ['sin esperanza', 'desesperanzad*', 'no tengo esperanza', 'ya no aguanto (la vida|vivir|esta vida|mi vida)', 'ya no puedo mas con (mi vida|la vida|esta vida)', 'no puedo mas con (mi vida|todo|esto)', 'nada tiene sentido', 'no le (veo|encuentro) sentido a (nada|la vida)', 'me siento vaci*', 'estoy desesperad*', 'muy deprimid*', 'tan deprimid*', 'me estoy derrumbando', 'ya no (doy|puedo) (mas|con mi alma)'],
    MOOD_DOWN: ['me siento (muy|tan|bastante|) (triste|deprimid*|bajonead*|decaid*|apagad*)', 'bajo|baja de animo', 'nada me (gusta|interesa|anima|emociona)', 'perdi (el interes|las ganas)', 'sin ganas de nada', 'triste (todo el tiempo|todos los dias|casi todos los dias)'],
    SUICIDAL: ['(voy a|me voy a) tomar todas (mis|las) (pastillas|medicinas|tabletas)', 'cartas de despedida', 'no quiero estar (vivo|viva|aqui)', '(soga|cuerda|pistola|arma|pastillas) … (la voy a usar|lo voy a usar|las voy a tomar|voy a usar)', 
      'matarme', 'me quiero matar', 'me voy a matar', 'matarse', 'se quiere matar', 'se va a matar', 'suicid*', 'quitarme la vida', 'quitarse la vida', 'quitar la vida',
      'me quiero morir', 'quiero morirme', 'quiero morir', 'se quiere morir', 'no quiero vivir', 'no quiero seguir viviendo', 'no quiero seguir', 'no quiero despertar', 'ya no quiero estar aqui',
      'acabar con mi vida', 'acabar con todo', 'terminar con todo', 'terminar con mi vida', 'me estoy cortando', 'se esta cortando', 'cortarme las venas|munecas|brazos', 'me corte|corto a proposito',
      'hacerme dano', 'lastimarme', 'autolesion*', 'colgarme', 'ahorcarme', 'tirarme … puente|edificio|tren|metro|techo|azotea', 'se (va a|quiere|iba a) (tirar|aventar|lanzar) (del|de un|de una|desde el|desde la|al|a las|a la) (puente|edificio|balcon|ventana|azotea|techo|vias|tren|metro)', 'aventarme', 'no vale la pena vivir', 'mejor muerto|muerta', 'mejor me muero', 'mejor me mato',
      'mejor estaria muerto|muerta', 'quiero estar muerto|muerta', 'no quiero existir', 'ya no quiero vivir', 'kill myself', 'want to die', 'me quiero ir de este mundo',
      'quitarme del medio', 'desaparecer para siempre',
    ],
    PASSIVE_IDEATION: ['(estaria|estarian|estariamos) mejor si (yo |)(ya |)no (estuviera|existiera|viviera)', 
      '(estarian|estaria|estaran|estara|vivirian|viviria|seria) … mejor sin', 'mejor sin mi', 'mejor si yo no', 'mejor si no estuviera', 'soy una carga', 'ser una carga', 'me siento (una |como una |)(carga|estorbo)', 'solo … (carga|estorbo)', 'estorbo',
      'dormirme y no despertar', 'ojala … no (despertara|despierte|despertarme|amanecer|amaneciera|amanezca)', '(quiero|quisiera) desaparecer (para siempre|del mapa|del mundo|de este mundo|ya)', 'no despertar nunca', 'no despertar mas', 'no me deje despertar', 'no volver a despertar', 'quisiera … (desaparecer|no despertar|no existir|morirme|estar muerto|estar muerta)',
      'ojala … (muerto|muerta|morir|no despertar|no existir|desaparecer|me muriera|no hubiera nacido)', 'ojala (yo |)no (existiera|estuviera|viviera)', 'para que seguir', 'no tiene sentido vivir', 'no le veo sentido', 'ya no le veo sentido',
      'mejor no haber nacido', 'nadie me extranaria', 'nadie me va a extranar', 'nadie me extrañaria', 'que dios me lleve', 'le pido a dios … (llevarme|que me lleve|no despertar|morir|que no me deje)',
      'que me lleve dios', 'no vale la pena seguir', 'vivir no tiene sentido', 'seria mejor … muerto|muerta', 'burden', 'better off without me',
    ],
    FAREWELL: ['(mensaje|mensajes|carta|nota|video|audio|publicacion|post) de despedida', 'se despidio de (todos|nosotros|todo el mundo|la familia)', 'se esta despidiendo', 'despidiendose de (todos|nosotros)'],
    UNREACHABLE: ['no (contesta|responde|me contesta|me responde|agarra|coge) … (telefono|celular|cel|llamadas|mensajes)', 'no (contesta|me contesta|agarra|coge)', '(telefono|celular|cel) (apagado|apago)', 'no (la|lo|los) (encuentro|encontramos|localizo|localizamos|podemos localizar|puedo localizar)', 'nadie sabe donde esta'],
    SUICIDE_MEANS: ['cartas de despedida', 'este fin de semana', 'esta noche', 
      'pastillas guardadas', 'guardad* … (pastillas|pastillas|medicinas|pildoras)', 'junt* … (pastillas|medicinas|pildoras)', 'pistola', 'arma', 'cuchillo', 'soga', 'cuerda', 'lazo', 'puente',
      'veneno', 'plan', 'planeado', 'carta de despedida', 'carta', 'despedirme', 'despedida', 'regalando mis cosas', 'regale mis cosas', 'esta noche', 'hoy en la noche', 'navaja', 'gillette',
      'cutter', 'tirarme', 'ahorcarme', 'rifle', 'escopeta', 'revolver', 'gun', 'toda la noche', 'hoy estoy sola|solo', 'nadie en casa', 'raticida', 'tomarmelas todas', 'todas las pastillas',
    ],
    LETHAL_MEANS: ['(soga|cuerda|lazo) … (lista|preparada|amarrada|colgada|en la cochera)', '(tengo|ya tengo) … (la soga|una soga)', 'manguera … (cochera|garaje|coche|carro|escape)', '(escopeta|pistola|arma|rifle) … cargad*', 'cargad* … (escopeta|pistola|arma)',
      '(guardando|guarde|juntando|junte|ahorrando|acumulando|acumule|juntado|guardado) … (pastillas|tabletas|insulina|morfina|medicinas|pildoras)', '(pastillas|tabletas|pildoras|insulina) … (guardadas|listas|contadas|juntas|juntadas|suficientes)', 'suficientes (pastillas|tabletas|pildoras)',
      '(calcule|calculado|calculando|averigue|investigue|se) cuant* … … (necesito|haria falta|harian falta|me harian falta|serian suficientes|seria suficiente|bastarian|bastaria)', '(escogi|elegi|escogido|elegido|decidi) (el|un|mi) (puente|edificio|acantilado|barranco|metodo|azotea)'],
    PLAN_COMMIT: ['esta noche', 'hoy en la noche', 'este (finde|fin de semana)', '(voy|lo hago|me voy|sera) (el |este |)(lunes|martes|miercoles|jueves|viernes|sabado|domingo)', 'manana (en la noche|temprano|por la manana)', '(cuando|despues de que) (todos|todo el mundo|se|ellos|los ninos) … (duerman|dormidos|se vayan|salgan|acuesten)',
      '(mi|su) ultima (semana|noche|dia)', '(lo decidi|lo tengo decidido|me decidi|hice mis arreglos|deje todo arreglado|me despedi)', '(cartas|carta|notas) … (escritas|escrita|listas)', '(escribi|deje) … (cartas|carta)', '(lista|listo) para irme', 'se donde (las|los|la|lo) (guarda|guardan|esconde|tiene)'],
    HARM_BABY: ['(me imagino|me veo|pienso en|tengo imagenes de|se me viene a la mente) (lastimandolo|lastimandola|haciendole dano|ahogandolo|ahogandola|tirandolo|tirandola|soltandolo|soltandola|sacudiendolo|sacudiendola)', '(soltar*|soltandolo|soltandola|tirar*|dejar caer|ahogar*|lastimar*|sacudir*) … a proposito', '(miedo|terror) de (lastimar|hacerle dano|danar|hacerle algo) (a nuestro|a mi|al|a la) (recien nacido|recien nacida|bebe|bb|hijo|hija)', 
      '(lastimar|hacerle dano|danar|matar|ahogar|sacudir|tirar|aventar|asfixiar|golpear|pegarle) … (al bebe|a mi bebe|a la bebe|al bb|a mi bb|a mi hijo|a mi hija|al nino|a la nina|a la criatura|al baby|a mi baby)',
      'miedo de … (lastimar|hacerle dano|hacerle algo) … (bebe|bb|baby|hijo|hija)', 'pensamientos|ideas de (hacerle dano|lastimarlo|lastimarla|hacerle algo|matarlo|matarla|ahogarlo|ahogarla)', 'miedo … quedarme sola con (el|ella|mi bebe|el bebe|la bebe|mi bb)', 'pienso en … (lastimar|hacerle dano|hacerle algo) … (bebe|bb|baby)', 'hacerle algo … bebe', '(miedo|pienso|i|yo|me) … hurt … baby',
    ],
    SELF_HARM: ['me he estado (cortando|lastimando|quemando|golpeando)', 'cortando otra vez|de nuevo', 'se (esta|estaba) (quemando|cortando|lastimando) con', '(quemandose|cortandose|lastimandose) con', 
      'me corto|corte|cortaba … (a proposito|las venas|los brazos|las munecas|las piernas|los muslos|otra vez|de nuevo|con (navaja|gillette|cuchillo|vidrio|cutter))', 'volvi a cortarme', 'volvi a cortar',
      'cortarme', 'me estoy cortando', 'me he cortado … (brazos|piernas|munecas|a proposito)', 'me hago dano', 'me lastimo a proposito', 'me quemo … (a proposito|con cigarro*)', '(me quemo|me queme|me marco|me marque) … con (un |el |la |mi |)(cigarro*|encendedor|cerillo*|cuchara caliente|fierro caliente)', 'cuando … (ansios*|nervios*|estresad*|angustiad*|triste|mal|enojad*|desesperad*) … me (quemo|corto|rasguno|marco|lastimo|pego)', 'autolesion*',
      'me golpeo … (a proposito|contra la pared)', 'me rasguno hasta sangrar', 'me hice cortes', 'cutting (myself|me|mis|sus|los|las|otra vez|de nuevo|again)', '(hace|hacer|hago|haciendo|hacia|hacía|empezo|volvio|volvi|el|del) cutting', 'self harm*', 'me auto lesiono', 'hacerme cortes', 'me lastimo yo misma|mismo', 'se corta a proposito',
      'se esta cortando', 'se corta los brazos|las munecas|las piernas',
    ],
    SELF_HARM_NOW: [
      '(me corte|me corto|me hice … cortes|me cortaba|me acabo de cortar|me estoy cortando) … (profundo|profunda|muy hondo|sangra|sangrando|no para|no deja|mucha sangre)', 'cort* … (muy profundo|demasiado profundo|muy hondo)',
      'me acabo de cortar … (brazo*|muneca*|pierna*|a proposito)', 'acabo de cortarme', 'me estoy cortando ahorita|ahora', 'me corte las venas', 'se corto las venas', 'me tome … (todas|el frasco|la caja) … (para|porque) … (morir|matarme)',
    ],
    HARM_OTHERS: [
      '(traigo|llevo|tengo|agarre|agarré) (un |una |el |la |mi |)(martillo|cuchillo|navaja|machete|pistola|arma|bate|fierro) … … (esperando|esperar|buscando|voy por|ir por) (a|al|que)',
      '(voy|va|vamos|van) a (matar|lastimar|herir|apunalar|balear|acuchillar|golpear|madrear) a', '(quiero|quiere|queria) (matar|lastimar|herir|apunalar|balear|golpear) a',
      '(ganas de|pienso en|pensando en|tentado de) (matar|lastimar|herir|apunalar|golpear|hacerle dano) a', 'siento que voy a (lastimar|matar|herir|golpear)', 'lastimar a alguien', 'matar a alguien',
      'hacerle dano a alguien', 'voy a hacer algo malo', 'no me aguanto las ganas de (matar|golpear|lastimar)', 
    ],

    // ---- assault and violence -----------------------------------------------------------
    ASSAULT: ['me (puso|pusieron|echaron|echo) algo en (la|mi) bebida', 'desperte … sin ropa', 'agredi* sexualmente', 'abus* sexualmente', 
      'violaron', 'me violo', 'la violo', 'lo violo', 'violada', 'violado', 'violacion', 'violarme', 'abusaron de mi|ella|el', 'abuso sexual', 'abuso de mi', 'abusada|abusado sexualmente',
      'abusaron sexualmente', '(obligo|obligaron|obliga|forzo|forzaron|forzó) … (tener relaciones|tener sexo|sexo|acostarme|acostarse|hacer cosas|relaciones)', 'me drogaron', 'me drogo',
      'sin mi consentimiento', 'sin consentimiento', 'me toco|tocaron|toca … (sin|partes|intimas|a la fuerza|mis partes)', 'manose*', 'me desperte … sin ropa', 'no consenti', 'no di mi consentimiento',
      'agresion sexual', 'ataque sexual', 'me agredio sexualmente', 'raped', 'sexual assault', 'me forzo', 'me forzaron', 'a la fuerza', 'me metio algo en la bebida', 'algo en mi bebida',
    ],
    DOMESTIC_VIOLENCE: [
      '(tengo|me da|siento) (mucho |)miedo (de |)(lo que|que) (me |)(haga|hara|vaya a hacer|pueda hacer|va a hacer)', 'miedo (de|a) (volver|regresar) a (la |mi |)casa',
      `(${ABUSER}) … (${HITS_ME})`, 'me pega|pego mi (esposo|marido|pareja|novio|papa|hijo|ex)', 'me empuja', 'me empujo', 'me empujó', 'me ahorca', 'me ahorco', 'me estrangula', 'me estrangulo', 'me patea', 'me pateo',
      'me cachetea', 'me cacheteo', 'me abofetea', 'me abofeteo', 'me jalonea', 'me jaloneo', 'me maltrata', 'me tiene amenazad*', 'me amenaza … (matar|matarme|pegarme|quitarme)', 'amenaz* con matar*',
      'me quiere matar', '(miedo|temo|asusta|aterra) … (novio|esposo|marido|pareja|ex|papa|padrastro|hijo|hermano) … (me mate|me pegue|me haga dano|me lastime|me vaya a matar|me va a matar|nos mate)', 'me va a matar … (vuelvo|regreso|me voy|lo dejo|se entera)', 'la|me|lo tiene encerrad*', 'me encierra', 'me encerro', 'no me deja salir',
      'tengo|tiene miedo … (volver|regresar|llegar|estar en) … casa', 'miedo … (mi|su) propia casa', 'miedo de que (me|la|lo) mate', 'no me siento segura|seguro … casa', 'no estoy segura|seguro en … casa',
      '(sufro|vivo|hay|sufre|vive|estoy en|viviendo|sufriendo) … violencia (domestica|intrafamiliar|familiar)', 'me quito el celular', 'le quito el celular', 'me golpea', 'me golpeo', 'me golpearon', 'moretones que me hizo', 'me dejo moretones',
      'me pega', 'me pego', 'me pegó',
    ],
    CHILD_ABUSE: ['(moretones|marcas|morados) (en forma de|de) (dedos|mano|manos)', '(dijo|dice) que (fue|le pego|lo golpeo|la golpeo) (su|el) (papa|mama|padrastro|madrastra|padre)', '(padrastro|tio|primo|abuelo|maestro|entrenador|hermanastro|novio de mi mama|vecino) … (me toca|me toco|me manosea|me manoseo|me toquetea)', 
      '(la|lo|le|les|los|las) (quema|quemo|pega|pego|golpea|golpeo|maltrata|lastima|toca|toco|abusa|abuso) … (madrastra|padrastro|papa|mama|padre|madre|tio|novio|pareja|abuelo|primo|vecino)',
      '(madrastra|padrastro|papa|mama|padre|madre|tio|novio|pareja|abuelo|primo|vecino|maestro|maestra) … (le pega|la pega|lo pega|le pegaba|la quema|lo quema|abusa|la toca|lo toca|la golpea|lo golpea|los golpea|les pega|la maltrata|lo maltrata|la lastima|lo lastima|la quemo|lo quemo|le pego|la toco|lo toco|abuso)',
      'deja|dejan … (solos|solitos|sola|solo) … (dias|noches|sin comida|sin comer|todo el dia)', 'no les da de comer', 'no le da de comer', 'sin comida … (dias|ninos|hijos)', 'maltrato infantil', 'abuso infantil',
      'abusan de (la nina|el nino|mi hija|mi hijo|mi sobrina|mi sobrino)', 'tocando … (a mi|a la|al) … (hija|hijo|nina|nino|sobrina|sobrino) … (partes|intimas)', 'marcas … (dedos|cinturon|cinto|correa)',
      'le pegan con … (cinturon|cinto|correa|palo|cable)', 'la quema con', 'lo quema con',
    ],

    // ---- overdose / poisoning -----------------------------------------------------------
    INGESTED: [
      'tome', 'tomo', 'se tomo', 'me tome', 'trague', 'trago', 'se trago', '(acaba|acabo|acaban) de (tragar*|comer*|tomar*|beber*)', 'comio', 'se comio', 'bebio', 'se bebio', 'ingirio', 'se metio', 'tomaron', 'se tomaron', 'comimos', 'comi', 'comieron',
      'se comieron', 'tragaron', 'se tragaron', 'mordio', 'mastic*', 'chupo', 'chupando', 'lamio', 'probo', 'se echo a la boca', 'se lo llevo a la boca', // 'faltan' alone is also 'al niño le faltan vacunas': missing pills are counted or named.
      '(faltan|falta|le faltan) (<n:1-99>|unas|unos|varias|varios|algunas|algunos|la mitad|pastillas|tabletas|pildoras|capsulas|gomitas|grageas)', '(pastillas|tabletas|pildoras|capsulas|gomitas|grageas|frasco|blister|caja) … (faltan|falta|ya no esta|ya no estan)',
      'swallowed', 'ate', 'took', 'tomé', 'tomamos', 'bebi', 'bebimos', 'se ha tomado', 'se ha comido', 'se ha tragado', 'ha cogido', 'agarro', 'tomado', 'se las comio', 'tragado', 'consumio', 'ingerido',
    ],
    INSERTED: ['en la nariz', 'en el oido', 'en la oreja', 'por la nariz', 'se metio … (nariz|oido|oreja)', 'metio … (nariz|oido|oreja)', 'atorad* en la nariz|oreja|el oido'],
    SPLASHED: [
      'salpic*', 'rocio', 'rocie', 'le cayo … (ojo|ojos|cara|boca)', 'me cayo … (ojo|ojos|cara)', '(respire|respiro|respiramos|respiraron|inhal*|aspir*|oli|olio|olimos) … (vapor*|gas*|humo|cloro|quimic*|olor)',
      'vapores', 'gases', 'humo de', 'mezcl*', 'en los ojos', 'en el ojo', 'tomo un trago de', 'le entro … ojo',
    ],
    LARGE_AMOUNT: ['caja (completa|entera)', 'una caja', 'toda la caja', 
      'todo el frasco|bote|paquete|blister|tarro|sobre', 'toda la caja|botella|tira|plancha', 'todas las|mis|sus pastillas', 'un monton de', 'muchas', 'demasiad*', 'un puno', 'un punado', 'frasco entero',
      'caja entera', 'blister entero', '<n:8-500> pastillas|tabletas|pildoras|capsulas', 'varias cajas', 'de una vez', 'de un jalon', 'toda la semana', 'de toda la semana', 'media caja', 'medio frasco',
      'mas de la cuenta', 'todas de una', 'todas juntas', 'el doble … (de lo|dosis)', 'triple dosis', 'como <n:8-500>', 'mas de <n:8-500>', 'whole bottle', 'too many', 'todo lo que habia',
    ],
    PILL_COUNT: [
      '<n:10-500> (de (mis|sus|las|los) |)(pastilla|pastillas|tableta|tabletas|pildora|pildoras|capsula|capsulas|paracetamol|acetaminofen|ibuprofeno|aspirina|clonazepam|pastillas para dormir)',
      // All of it, which names the medicine too ("me tomé toda la amitriptilina", "todas mis pastillas").
      '(toda la|todo el) (amitriptilina|sertralina|fluoxetina|quetiapina|insulina|medicina|medicamento|clonazepam|paracetamol|pregabalina|gabapentina|caja|botella|frasco)',
      '(todas|todos) (las|los|mis|sus) (pastillas|tabletas|pildoras|capsulas|medicinas|medicamentos)',
    ],
    SOME_AMOUNT: ['unas', 'unos', 'algunas', 'algunos', 'varias', 'varios', 'unas cuantas', 'unos cuantos', 'un par de', 'no se cuantas', 'no se cuantos', 'quien sabe cuantas', 'un poco de', 'some'],
    DRUG: [
      'pastilla*', 'pildora*', 'tableta*', 'medicina*', 'medicamento*', 'remedio*', 'paracetamol', 'tylenol', 'ibuprofeno', 'aspirina', 'clonazepam', 'rivotril', 'alprazolam',
      'insulina', 'parche* de nicotina', 'chicle* de nicotina', 'opioide*', 'fentanilo', 'heroina', 'droga*', 'antidepresivo*', 'somnifero*', 'para dormir', 'pastiller*', 'vitamina*', 'vitamins', 'gomita*', 'gummy', 'gummies', 'hierro',
      'jarabe', 'metformina', 'capsula*', 'pills', 'diazepam', 'lorazepam', 'tramadol*', 'acetaminofen', 'acetaminofén', 'naproxeno', 'diclofenaco', 'losartan', 'enalapril', 'amlodipino',
      'sertralina', 'fluoxetina', 'quetiapina', 'amitriptilina', 'propranolol', 'litio', 'pregabalina', 'gabapentina', 'zolpidem', 'citalopram', 'escitalopram', 'benzodiacepina*', 'calmante*', 'tranquilizante*', 'antidepresiv*', 'blister', 'clonazepan', 'melatonina', 'anticonceptiv*', 'warfarina',
      'levotiroxina', 'antihistaminico*', 'benadryl', 'dramamine', 'dimenhidrinato', 'loratadina', 'antibiotico*',
    ],
    PRESCRIBED_FOR_CHILD: [
      'su|sus (medicina|medicamento|jarabe|dosis|antibiotico|tratamiento|vitaminas|pastilla|gotas)', 'como (le|lo) (receto|indico|dijo) … (doctor|doctora|pediatra|medico)', 'la dosis … (que|como) … (receto|indico|dijo)',
      'le di … (su|la) (dosis|medicina)',
    ],
    POISON: [
      'cloro', 'blanqueador', 'lejia', 'veneno', 'raticida', 'matarratas', 'insecticida', 'pesticida', 'plaguicida', 'detergente', 'capsula* de detergente', 'lavavajillas', 'limpiador',
      'destapacanos', 'quitasarro', 'antisarro', 'desincrustante', 'descalcificador', 'limpiaparabrisas', 'desatascador', 'destapador', 'lavaloza', 'jabon (para|de) (platos|trastes)', 'abrillantador', 'harpic', 'pastilla* (del|de) (lavavajillas|lavaplatos)', 'liquido (de|para) (cigarro|vapeador|vaper)', 'nicotina liquida', 'gasolina', 'thinner', 'anticongelante', 'acido', 'sosa caustica', 'productos de limpieza', 'fabuloso', 'pinol', 'petroleo', 'aguarras',
      'amoniaco', 'desinfectante', 'suavizante', 'jabon de ropa|lavar|trastes', 'clorox', 'vanish', 'quitamanchas', 'limpiahornos', 'limpia hornos', 'removedor', 'acetona', 'quitaesmalte', 'alcohol de curar',
      'alcohol etilico', 'alcohol isopropilico', 'liquido de frenos', 'queroseno', 'kerosene', 'parafina', 'solvente', 'bleach', 'detergent', 'pods', 'tide pod*', 'herbicida', 'glifosato', 'diesel',
      'tiner', 'creolina', 'potasa', 'soda caustica', 'lavandina', 'salfuman', 'aguafuerte', 'mata cucarachas', 'matacucarachas', 'baygon', 'raid',
    ],
    DOSE_QUESTION: ['cuant* … (demasiad*|sobredosis|peligros*|el maximo|lo maximo|el limite|too many)', '(maximo|lo mas) … (puedo|puede|se puede) (tomar|tomarme)'],
    TAKEN_COUNT: ['(llevo|llevamos|lleva|llevan|van|me he tomado|me tome|he tomado|tome|me eche|me meti|se tomo|se ha tomado|ha tomado|tomo|se trago) (ya |)(como|unas|unos|casi|mas de|alrededor de|mas o menos|por lo menos|al menos|) <n:10-500>'],
    DOSE_UNIT: ['<n:1-5000> (mg|miligramo*|ml|mililitro*|mcg|microgramo*|g|gramo|gramos|ui|unidades|unidad|cc)'],
    OVERDOSE_WORD: ['sobredosis', 'se paso de dosis', 'me pase de dosis', 'intoxicad*', 'envenenad*', 'envenen*', 'overdose*', 'sobredosi*', 'intoxicacion', 'se intoxico', 'me intoxique'],
    WILD_PLANT: [
      'hongo*', 'seta*', 'champinon* silvestre*', 'bayas', 'moras silvestres', 'moritas', 'planta*', 'hojas de', 'semilla*', 'flores de', 'frutitas', 'frutos rojos del', 'adelfa', 'ricino', 'higuerilla',
      'diefenbachia', 'dieffenbachia', 'nochebuena', 'floripondio', 'cicuta', 'toloache', 'del monte', 'del jardin', 'silvestres', 'mushroom*', 'berries', 'callas', 'lirio', 'azalea', 'hojas',
    ],
    SUSPECTED_SWALLOW: ['(creo|pienso|temo|me temo) que (se |)(trago|comio|lo trago|la trago)', '(puede|pudo) (que |)(haber|haberse|se haya) (tragado|comido)', '(no se|no estoy segura|no estoy seguro) si (se |)(trago|la trago|lo trago|comio)'],
    BATTERY_MISSING: ['(pila|pilas|bateria) … (falta|faltan|desaparecio|no aparece|no la encuentro)', 'falta (una|la) … (pila|bateria)', '(ya no esta|no encuentro|no aparece) (la|una) (pila|bateria)'],
    MAGNET_MISSING: ['(iman|imanes) … (falta|faltan|desaparecio|no aparece|no lo encuentro)', 'falta (un|el) … iman'],
    BATTERY: ['pila*', 'pilita*', 'bateria*', 'bateri*', 'battery', 'batteries', 'boton de litio', 'pila de reloj', 'pila de boton'],
    MAGNET: ['iman', 'imanes', 'imancito*', 'magnet*', 'imantad*', 'bolitas magneticas', 'bolitas de iman'],
    CO_SOURCE: [
      'monoxido', 'calentador*', 'calenton', 'estufa … (gas|butano|lena|queroseno|kerosene|parafina|carbon|propano)', 'estufa', 'brasero', 'anafre', 'carbon … (adentro|dentro|cuarto|casa|cerrado)',
      'generador', 'planta de luz', 'boiler', 'caldera', 'calefon', 'calefaccion', 'calefactor', 'chimenea', '(carro|coche|auto|camioneta|moto|camion) … (prendido|encendido|encendida|prendida|andando|en marcha) … (garaje|garage|cochera)',
      'garaje|cochera … (carro|coche|auto) … (prendido|encendido)', 'detector de monoxido', 'bracero', 'salamandra', 'heater', 'gas heater', 'fuga de gas', 'olor a gas', 'estufa de gas', 'boiler de gas',
    ],
    CO_ALARM: [
      '(alarma|detector) … (monoxido|co) … (suena|sonando|sono|pitando|pita|se activo|se prendio)', '(detector|alarma) de monoxido … (suena|sonando|sono|pitando|pita|se activo)', 'intoxicacion por monoxido',
      'intoxicad* … monoxido', 'creo que … monoxido', 'envenenamiento por monoxido',
    ],
    OPIOID: [
      'opioide*', 'opiaceo*', 'heroina', 'fentanilo', 'fenta', 'fentanyl', 'morfina', 'metadona', 'oxicodona', 'oxycodone', 'oxy', 'codeina', 'tramadol', 'hidrocodona', 'percocet', 'buprenorfina',
      'suboxone', 'naloxona', 'narcan', 'chiva', 'analgesicos fuertes', 'parches de fentanilo', 'opio', 'nodding',
    ],
    PINPOINT: ['pupilas … (chiquitas|chiquititas|pequenas|puntito|diminutas|de alfiler|contraidas|como punta|muy chicas|pequenitas)', 'pupilas puntiformes', 'pinpoint', 'ojos … (pupilas|puntitos) … (chiquitas|pequenas)', 'tiny pupils'],
    ALCOHOL: [
      'borrach*', 'alcohol', 'alcoholizad*', 'ebri*', 'tequila', 'vodka', 'ron', 'whisky', 'whiskey', 'cerveza*', 'chelas', 'aguardiente', 'guaro', 'pisco', 'mezcal', 'shots', 'tragos', 'copas',
      'bebiendo', 'tomando … (alcohol|cerveza|tequila|trago*|toda la noche|mucho)', 'curda', 'pedo de borracho', 'pisto', 'drunk', 'guarapo', 'fernet', 'licor', 'caña', 
      'cacique', 'jager', 'bebio mucho', 'tomo mucho', 'se puso hasta atras', 'peda',
    ],

    // ---- anaphylaxis --------------------------------------------------------------------
    ALLERGEN: [
      'pico', 'picadura', 'abeja', 'avispa', 'cacahuate*', 'mani', 'nuez', 'nueces', 'camaron*', 'mariscos', 'pescado', 'alergi*', 'alergic*', 'amoxicilina', 'penicilina',
      'antibiotico*', 'inyeccion', 'vacuna', 'comio', 'comer', 'despues de tomar', 'medicina nueva', 'medicamento nuevo', 'pastilla nueva', 'almendra*', 'marisco', 'abejas', 'avispas', 'hormiga*',
      'alacran', 'picaron', 'pico una', 'ibuprofeno', 'aspirina', 'huevo', 'leche', 'peanut*', 'nuts', 'kiwi', 'sulfa', 'latex', 'mango', 'fresas', 'frutos secos', 'medicina',
    ],
    THROAT_CLOSING: ['garganta … (aprieta|apretando|apretaran|apretada|apretara)', 'apretaran la garganta', 'no (me|le) pasa el aire', 
      'se me|le cierra la garganta', 'garganta … cerrando|cierra|cerro|cerrada|closing', '(cerrando|cierra|cerro) … garganta', 'como que se me|le cierra', 'se me|le esta cerrando',
      'throat … (closing|closed|tight)', 'garganta … (se cierra|apretada|tapada)', 'se me cierra el pecho y la garganta', 'siento que se me cierra', 'no me pasa … aire … garganta',
    ],
    THROAT_SWELL: ['garganta … hinch*|inflam*|apretad*|tight', 'hinch* … garganta', 'lengua … hinch*|gorda|grande|dormida', 'hinch* … lengua', 'no puedo|puede tragar', 'cuesta tragar', 'throat … (tight|swollen|swelling)'],
    FACE_SWELL: [
      'cara|labios|labio|lengua|ojos|boca|parpados|trompa|jeta|bemba … hinch*|inchad*|inflam*|swollen', 'hinch*|inchad* … cara|labios|lengua|ojos|boca|parpados', 'se le hincho', 'se me hincho',
      'boca de pato', 'ojos cerrados de hinchados', 'face … (swollen|swelling)', 'labios … (gordos|grandes|enormes)',
    ],
    HIVES: ['ronchas', 'urticaria', 'sarpullido … todo', 'ronchas por todo', 'ronchitas', 'habones', 'hives', 'ronchas … (todo|cuerpo)', 'granos … todo el cuerpo', 'salpullido … todo'],
    ANAPHYLAXIS_WORD: [
      'anafila*', 'reaccion alergica', 'choque anafilactico', 'shock anafilactico', 'epipen', '(le puse|le pusimos|me puse|use|usamos|le aplique|le aplicamos|le inyecte|me inyecte|puse) … (epipen|epinefrina|adrenalina)',
      'allergic reaction', 'reaccion … alergia', 'reaccion fuerte',
    ],

    // ---- infant fever -------------------------------------------------------------------
    BABY: ['bebe', 'bebes', 'bebito', 'bebita', 'bb', 'baby', 'guagua', 'guaguita', 'recien nacid*', 'lactante', 'neonato', 'bebé', 'bebecito', 'bebecita', 'mi nena', 'mi nene', 'infant', 'newborn'],
    INFANT_AGE: [
      `${BABY} … (de|d|con|tiene|tengo) <n:0-90> dias|dia|days`, `${BABY} … (de|d|con|tiene|tengo) <n:0-12> semanas|semana|sem|semanitas|weeks`, `${BABY} … (de|d|con|tiene) <n:0-2> mes|meses|mesesito|months`,
      `${BABY} … (de|d|con|tiene) (mes y medio|un mesecito|dos mesecitos)`, '<n:0-90> dias de nacid*|vida|edad|born', '<n:0-12> semanas de nacid*|edad|vida', '<n:0-2> mes|meses de nacid*|edad|vida',
      'recien nacid*', 'recien nacido', 'neonato', 'newborn', 'mes y medio de nacid*', 'bebe|bb|baby|guagua de dias',
    ],
    AGE_GIVEN: [
      '<n:0-99> dias|dia|semanas|semana|sem|meses|mes|anos|ano|anitos|añitos|days|weeks|months|years', 'mes y medio', 'de <n:1-18>', 'd <n:1-18>', 'tiene <n:1-99>', 'un ano', 'ano y medio',
    ],
    FEVER: ['fiebre', 'calentura', 'temperatura', 'caliente', 'calientito', 'calientita', 'termometro', 'febril', '<n:38-42.9>', '<n:100.4-107>', 'fever', 'fiebrecita', 'hirviendo en fiebre', 'ardiendo en fiebre', 'destemplad*'],
    NORMAL_TEMP: ['(temperatura|termometro|temp|marca|marco|tiene|tenia) … <n:35-37.9>', '<n:35-37.9> (grados|c|°)', '(temperatura|termometro|temp) … <n:96-100.3>', 'temperatura normal'],
    FEVER_READING: ['(temperatura|termometro|temp|fiebre|calentura|marca|marco) … (<n:38-42.9>|<n:100.4-107>)', '<n:38-42.9> (grados|c|°)'],
    FLOPPY: [
      'blandit*', 'flojit*', 'muy floj*', 'bien floj*', 'muneco de trapo', 'trapito', 'aguadit*', 'aguado', 'aguada', 'guango', 'guanga', 'no hay manera de despertar*', 'cuesta … despertarl*',
      'dificil de despertar', 'no (lo|la) (puedo|podemos) despertar', 'muy decaid*', 'bien decaid*', 'muy apagad*', 'se le cuelga la cabeza', 'sin fuerza', 'no tiene fuerza', 'letargic*', 'aletargad*',
      'no reacciona', 'no responde como siempre', 'floppy', 'limp', 'lacio', 'lacia', 'desguanzad*', 'sin tono', 'ni siquiera llora', 'no llora', 'casi no reacciona', 'no despierta para comer',
      'no se despierta para', 'muy dormid* y no', 'no me mira', 'mirada perdida',
    ],
    DEHYDRATION_SIGNS: [
      '(no ha|no a|no|n ha|n a) (hecho|echo|mojado|orinado|hace) … (pipi|pis|panal|panales|pañal|pañales|del uno)', 'no moja … panal*|pañal*', '(panal|pañal|panales) … (seco|secos|sequito)', 'sin mojar … panal*',
      'llora sin lagrimas', 'sin lagrimas', 'no le salen lagrimas', 'mollera hundida', 'fontanela hundida', 'mollerita hundida', 'se le hundio la mollera', 'ojos hundidos', 'ojitos hundidos',
      'boca … (seca|sequita) … (y|no)', 'labios … (secos|partidos) … (y|no ha)', 'no orina … (desde|todo el dia|hace)', 'no ha orinado … (desde|todo el dia|en)', 'no ha hecho pipi',
    ],
    LITTLE_URINE: ['orina … (oscura|poquita|poca|muy poco)', 
      'casi no (orina|orino|hace pipi|hace pis|ha hecho pipi|ha orinado)', 'apenas orina', 'apenas hace pipi', 'no ha orinado', 'no orina', 'solo ha hecho pipi una vez', 'poca orina', 'orina muy poco',
      'pipi muy oscuro', 'orina oscura', 'no ha hecho pipi', 'casi no hace pipi', 'solo … pipi una vez', 'sin orinar',
    ],
    GREEN_VOMIT: ['(devolv*|vomit*|arroj*|devuelve) … verde', 'vomit* … verde', 'verde … vomit*', 'bilis', 'vomito verde', 'vomita verde', 'devuelve verde', 'green vomit', 'vomitando verde', 'vomitó verde', 'arroja verde'],
    REFUSES_FEEDS: [
      'rechaza* … (tomas|toma|pecho|biberon|mamila|mamadera|mamadeira|teta|leche|comida|formula)', 'no quiere … (comer nada|tomar nada|mamar|pecho|leche|biberon|mamila|mamadera|teta|la toma|las tomas)',
      'no (kiere|quiere) tomar leche', 'no come nada', 'no ha comido nada', 'no toma nada', 'no ha tomado nada', 'no quiere tomar nada', 'no se pega al pecho', 'no agarra el pecho',
      'no ha querido … (comer|tomar|mamar|pecho|biberon|mamila)', 'dejo de comer', 'no ha mamado', 'no mama', 'refusing … (feeds|bottle)', 'no le entra nada',
    ],
    DIARRHEA: ['diarrea*', 'chorrillo', 'chorro', 'cagadera', 'soltura', 'del estomago suelto', 'evacuaciones liquidas', 'diarrhea', 'gastroenteritis', 'deposiciones liquidas'],
    CANT_KEEP_DOWN: ['(vomita|vomito|devuelve|devuelvo|arroja) cada vez que (toma|tomo|come|como|bebe|bebo)', 
      'no retengo|retiene|retienen … nada|ni', 'no le entra ni', 'no le queda nada', 'sin devolver*', 'devuelve todo', 'vomit* todo', 'vomita todo', 'vomito todo', 'todo lo que … (come|toma|le doy|tomo|como) … (vomita|devuelve|vomito|arroja)',
      'hasta el agua', 'ni el agua', 'ni agua', 'ni el suero', 'ni suero', 'hasta el suero', 'hasta el pedialyte', 'ni liquidos', 'no tolera … (nada|liquidos|agua|la via oral|ni)', 'no aguanta nada en el estomago',
      'no se le queda nada', 'no le para nada', 'keeps anything down', 'cant keep anything down', 'ni un vaso de agua', 'no puedo tomar ni agua', 'ni una gota',
    ],

    // ---- pregnancy ----------------------------------------------------------------------
    PREGNANT: ['(voy|va|vamos|estoy|esta|ando|anda) (por|en) la semana <n:4-42>', 'salir positiv*', 'positiva en la prueba', 'positivo en la prueba', 
      'embaraz*', 'encinta', 'aborto', 'estoy|esta|toy|estoi … de <n:4-42> semanas|sem|semans|semana|weeks', 'estoy|esta|toy … de <n:3-9> meses|mes', 'tengo <n:4-42> semanas|sem|semans|weeks',
      'tiene <n:13-42> semanas|sem|semans', '<n:4-42> semanas|sem|weeks de embarazo|gestacion|embarazada|pregnant', 'salio positiv*', 'prueba|test|examen … positiv*', 'positivo la prueba', 'positiva la prueba',
      'esperando (un|una|mi) (bebe|bb|hijo|hija|baby)', 'pregnant', 'preggo', 'gestacion', 'gestante', 'final del embarazo', 'tercer trimestre', 'segundo trimestre', 'primer trimestre', 'panzona', 'barriga de',
      'estoy|esta|toy <n:20-42> weeks|semanas', 'mi panza de embarazo',
    ],
    POSTPARTUM: ['(tuve|tuvo) (al|a mi|a su) (bebe|bb|hijo|hija|nino|nina|baby) hace <n:1-60> (dias|semanas|dia|semana)', 'tuve al (bebe|bb|nino|nina)', 
      'di a luz', 'dio a luz', 'dado a luz', 'despues del parto', 'después del parto', 'posparto', 'postparto', 'post parto', 'cesarea … (hace|dias|semanas)', 'acabo de tener … (bebe|bb|baby)',
      'recien parida', 'puerperio', 'tuve a mi bebe hace <n:1-60> dias|semanas|dia|semana', 'tuvo a su bebe hace <n:1-60> dias|semanas', 'parto hace <n:1-60> dias|semanas', 'desde el parto',
      'nacio hace <n:1-60> dias|semanas', 'postpartum', 'gave birth', 'me hicieron la cesarea', 'recien operada de cesarea', 'despues de dar a luz', 'tras el parto',
    ],
    SPOTTING_ONLY: ['manchado', 'manchando', 'manchitas de sangre', 'flujo … (cafe|marron|rosado|rosita)', 'implantacion', 'gotitas de sangre', 'manchas cafe*', 'spotting', 'un poquito de sangre', 'rosadito'],
    WATERS: ['(romper|romperse|rompio|rompe|rompiendo) … (la fuente|la bolsa)', 
      'se me rompio la fuente', 'rompi fuente', 'rompi la fuente', 'rompi bolsa', 'rompi la bolsa', 'rompio la fuente', 'rompio la bolsa', 'rompio fuente', 'se rompio la fuente', 'se me rompio la bolsa',
      '(saliendo|sale|salio|perdiendo|pierdo|chorrea|escurre|baja|bajando|moja) … (agua|liquido|fluido)', 'liquido … (por abajo|vagina|abajo|por la vagina)', 'fuente … (rota|rompio|se rompio)',
      'water … broke', 'waters … broke', 'fuga de liquido', 'liquido amniotico', 'chorrito … (agua|liquido|que no para)', 'se me salio el agua',
    ],
    MISCARRIAGE_NOW: ['(estoy|creo que estoy|esta|creo que esta) (teniendo un aborto|abortando|perdiendo (al|el|mi) (bebe|embarazo))', 'perdiendo (al|el|mi) (bebe|embarazo)', 'aborto espontaneo … (ahora|creo|estoy)'],
    CONTRACTIONS: ['contraccion*', 'contracciones', 'dolores de parto', 'trabajo de parto', 'cada <n:1-20> minutos', 'se me pone dura … cada', 'contractions', 'pujos', 'ganas de pujar'],
    PRETERM_WEEKS: [
      '<n:20-36> semanas|sem|semans|semana|weeks|wks', '<n:5-8> meses de embarazo', 'esta|estoy|toy de <n:5-8> meses', '<n:20-36> semanas de embarazo|gestacion',
    ],
    CRAMPS: ['colicos', 'colico', 'dolor fuerte', 'dolor … panza|vientre|barriga|abdomen|bajo vientre|vientre bajo', 'coagulos', 'cuagulos', 'contracciones', 'calambres', 'retortijones', 'cramps', 'cólicos'],
    VISION_SPOTS: [
      `${SEE} … (puntitos|puntos|lucecitas|luces|estrellitas|manchitas|manchas|destellos|borroso|nublado|chispitas|rayitas|lucesitas|moscas|mosquitas|brillos|estrellas|blurry)`,
      'vista … (borrosa|nublada|rara|empanada)', 'vision … (borrosa|nublada|rara|blurry)', 'destellos', 'lucecitas', 'blurry vision', 'blurry', 'borroso', 'visión borrosa', 'veo todo borroso', 'chispitas',
      'puntitos brillantes', 'luces brillantes', 'manchitas negras', 'manchas negras … (vista|ojos|veo)', 'se me nubla la vista',
    ],
    SWELL_FACE_HANDS: ['(hinch*|inch*) … (cara|manos|pies|dedos|la cara|las manos)', 
      '(cara|manos|dedos|pies|tobillos|piernas|face|hands|feet|parpados) … (hinchad*|hinchan|hincho|hinchazon|inflamad*|inchad*|swollen|abotagad*|inflama)', '(hinchad*|inchad*|hinchazon|swollen) … (cara|manos|pies|dedos|face|hands)',
      'anillos … (no … salen|no … entran|apretados)', 'de lo hinchad*', 'zapatos … no … entran', 'hinchadisim*', 'cara … (abotagada|redonda de hinchada)',
    ],
    PERSISTENT: [
      // 'no paro de vomitar' is 'I can't stop vomiting': the 'no' keeps it going, it does not deny it.
      'no (paro|paras|para|paramos|paran|dejo|dejas|deja|dejamos|dejan) de', 'no se quita', 'no se me|le quita', 'no se va', 'no se me|le va', 'no se pasa', 'no se me|le pasa', 'con nada', 'desde ayer', 'desde anoche', 'hace horas', 'todo el dia', 'desde la manana', 'desde hace <n:2-72> horas',
      '(paracetamol|tylenol|ibuprofeno|pastilla|medicina|analgesico) … no … (sirve|ayuda|funciona|quita|hace nada)', 'no se va con', 'no cede', 'no para', 'sigue igual', 'todo el tiempo', 'constante', 'cada vez peor',
      'no se calma', 'horas y horas', 'lleva <n:2-72> horas',
    ],
    ONE_SIDED_PAIN: [
      '(dolor|duele|punzada|punzante) … (lado derecho|lado izquierdo|un lado|un costado|costado|de un solo lado|un solo lado|lado de abajo|parte derecha|parte izquierda|ovario)', '(lado|costado) … (derecho|izquierdo) … (abajo|dolor|duele)',
      'un solo lado', 'de un lado', 'un lado de abajo', 'del lado derecho abajo', 'del lado izquierdo abajo', 'parte derecha|izquierda de abajo', 'en un costado', 'dolor en el ovario', 'duele un lado',
    ],
    SHOULDER_TIP: ['punta del hombro', 'duele … hombro', 'hombro … (duele|dolor|adolorido)', 'dolor … hombro', 'shoulder … (tip|pain)'],
    NOTHING_FELT: ['sin (dar |)(una sola |ni una |)(patada|patadita|pataditas|patadas)', '(bebe|bb|baby|nene|nena) … … (hoy casi nada|casi nada hoy|hoy nada|nada hoy)', 'no (he sentido|siento|ha sentido|siente) nada … (desde|hoy|todo el dia)'],
    FETAL_MOVEMENT_LESS: [
      '(bebe|bb|baby|nene|nena|bebito|bebita|hijo|hija) … (no se mueve|no se ha movido|casi no se mueve|casi no se ha movido|dejo de moverse|se mueve menos|no patea|ya no patea|no ha pateado|no se siente|no ha pateado nada|ni se mueve|muy quieto|muy quieta|quietito|quietita)',
      'no (siento|siente|sentimos|he sentido|ha sentido) … (bebe|bb|baby|moverse|mover|patada|patadas|movimientos|patear|patadita|pataditas)', 'casi no (siento|siente) … (bebe|bb|baby|nada|a la|al|moverse)',
      'no lo|la siento moverse', 'menos movimientos', 'ya no patea', 'no he sentido … (patada|patadas|movimientos|moverse|patadita|pataditas)', 'casi no se ha movido', 'casi no se mueve', 'dejo de patear', 'no patea',
      'se mueve mucho menos', 'hoy nada … (patadas|movimiento*)', 'no se mueve desde',
    ],
    BELLY_PAIN: [
      '(dolor|duele|duelen|doliendo|retortijon*|colico*|pain) … (panza|barriga|vientre|estomago|abdomen|pancita|tripa|guata|bajo vientre|tummy|stomach|belly)',
      '(panza|barriga|vientre|estomago|abdomen|pancita|tripa|guata|belly|stomach) … (duele|dolor|doliendo|adolorid*)', 'dolor abdominal', 'dolor de panza', 'dolor de estomago', 'dolor de barriga',
      'duele … (parte|lado) (derecha|derecho|izquierda|izquierdo) … abajo', 'parte baja del abdomen', 'dolor de tripa', 'dolor en la boca del estomago',
    ],
    RIGID_BELLY: [
      'dura como (piedra|tabla|una piedra|una tabla)', '(panza|barriga|abdomen|vientre|estomago) … (dur*|rigid*|tiesa|tieso|tabla|piedra)', 'rigid*', 'no me puedo … enderezar', 'no se puede … enderezar',
      'no puede … enderezarse', 'doblad* … dolor', 'no deja … que le toquen', 'no me puedo ni mover del dolor', 'no aguanta que le toquen', 'la siento dura',
    ],
    RASH_NONBLANCHING: [
      '(manch*|punt*|pintitas|puntitos|ronchas|marcas|granitos|rash) … (morad*|moradit*|rojo oscuro|rojo vino|vino|violeta*|purpura|oscur*|purple)', 'no se (van|quitan|borran|desaparecen|aclaran|blanquean) … (aprieto|apreto|vaso|presiono|presion|vidrio)',
      'vaso … (no se|siguen|se siguen|se ven)', 'con el vaso (no|siguen)', 'petequia*', 'como moretones', 'como moratones', 'moretones … (sin golpe|solos|por todo)', 'purpura', 'rash … (no … fade|glass)',
      '(manchas|puntitos) … (no se borran|no se quitan|no desaparecen)',
      // The negation is part of the sign ("no se quita al apretar"): it must not cancel it.
      '(manch*|punt*|pintitas|ronchas|marcas|granitos|rash|sarpullido|salpullido|erupcion|brote) … no (se |) (va|van|quita|quitan|borra|borran|desaparece|desaparecen|aclara|aclaran|blanquea|blanquean|palidece|palidecen|cambia|cambian) … (apret*|aprie*|presion*|oprim*|vaso|vidrio|cristal|aplast*)',
    ],
    LIGHT_HURTS: ['no tolera la luz', 'no soporta la luz', 'molesta la luz', 'le molesta la luz', 'me molesta la luz', 'la luz … (molesta|duele|lastima|le molesta|me molesta)', 'fotofobia', 'luz … (le|me) (duele|molesta|lastima)'],
    STIFF_NECK: ['cuello … tieso|rigido|duro|trabado', 'rigidez … cuello|nuca', 'nuca … rigida|tiesa|dura', 'rigidez de nuca', 'no (puedo|puede|podia) … (doblar|bajar|mover) … cuello', 'no (puedo|puede|podia) … (barbilla|menton) … pecho', 'no puede … (barbilla|menton) … pecho', 'stiff neck'],
    INFECTION: ['se (me |le |)infecto', 'infectad*', 
      'infeccion', 'infectad*', 'neumonia', 'pulmonia', 'gripe', 'gripa', 'influenza', 'covid', 'celulitis', 'absceso', 'pus', 'supura*', 'antibiotico*', 'herida … (roja|caliente|pus|supurando|infectada|apestosa)',
      'infeccion de orina|urinaria|rinones|garganta', 'pielonefritis', 'bronquitis', 'apendicitis', 'uti', 'infection', 'anginas', 'amigdalitis', 'flu',
    ],
    SEPSIS_WORD: ['sepsis', 'septic*', 'septicemia', 'infeccion … (en la sangre|generalizada)', 'choque septico', 'shock septico'],
    SEPSIS_SIGN: [
      'marmolead*', 'jaspead*', 'manchad* … (morado|morada|azul)', 'piel … (morada|azul|gris|fria|pegajosa|manchada|marmoleada|jaspeada|moteada)', 'moteada', 'escalofrios … (fuertes|no paran|sin parar|muy fuertes)',
      'tiembla … (cobija*|sin parar|sin control)', 'temblando sin parar', 'no ha orinado|orina … (todo el dia|desde|en todo)', 'no ha hecho pipi … (todo el dia|desde)', 'no (orinar|orino|orine|he orinado|hago pipi|he hecho pipi|hace pipi) (en |)(todo el dia|desde ayer|desde anoche|desde la manana)', 'respira … (muy|bien|super) rapido',
      'respira rapidisimo', 'como si me fuera a morir', 'siento que me voy a morir', 'siento que me muero', 'me voy a morir', 'nunca me habia sentido tan mal', 'manos y pies … frios', 'frio … (manos|pies) … (manchad*|morad*)',
      'no sabe en que dia', 'escalofrios fuertes',
    ],

    // ---- burns --------------------------------------------------------------------------
    // Not "me quema el pecho": that is heartburn. Past forms are the injury.
    BURN: ['quemo', 'queme', 'quemaron', 'quemadura*', 'quemad*', 'escald*', 'incendio', 'hirviendo', 'se prendio', 'electrocut*', 'se echo agua caliente', 'aceite caliente', 'agua caliente', 'burn*', 'se quemo', 'me queme', '(cayo|derramo|volco|tiro|echo|volteo) … (te|cafe|leche|sopa|caldo|chocolate|atole|agua|aceite) (caliente|hirviendo)', '(te|cafe|leche|sopa|caldo|chocolate|atole|agua|aceite) (caliente|hirviendo) … (encima|cayo|derramo|volco|tiro|echo|volteo)'],
    BURN_SEVERE: [
      'piel … blanca|negra|carbonizada|pelando|despellej*|despeg*|levantad*|cayendo', 'se le cae la piel', 'ampollas', 'ampolla', 'grave*', 'todo el|la brazo|cuerpo|pecho|espalda|cara|pierna', 'en todo',
      'grande*', 'tercer grado', 'segundo grado', 'incendio', 'quimic*', 'fuego', 'explosion', 'electric*', 'electrocut*', 'descarga', 'enchufe', 'cable', 'corriente', 'despeg*', 'se le pela', 'carne viva',
    ],
    // Burning sensation (heartburn) words, known here so the typo tolerance never reads "quema" as "quemó".
    HEARTBURN: ['me|le quema', 'me|le arde', 'ardor', 'agruras', 'acidez', 'reflujo'],
    BURN_AREA: [
      '(quemo|quemaron|quemadura|quemaduras|quemado|quemada|queme|escaldo|hirviendo|electrocuto) … (cara|pecho|cuello|ojos|manos|mano|genitales|boca|partes intimas)', '(cara|pecho|cuello|manos|mano) … (quemad*|escaldad*)',
    ],

    // ---- head and brain -----------------------------------------------------------------
    HEAD_HIT: [
      '(pego|pegó|pegue|golpeo|golpee|golpe|golpes|golpeó|dio|di|cayo|cayó|cai|azoto|azotó|estrello|estrelló|choco|chocó|chocaron|choque|cabezazo|descalabro|porrazo|madrazo|chingadazo|trancazo|zape|aporreo) … (cabeza|head|frente|nuca|craneo|cabecita)',
      'golpe en la cabeza', 'se pego en la cabeza', 'se dio en la cabeza', 'me di en la cabeza', 'cabeza contra', 'head contra', 'chichon', 'traumatismo craneo*', 'conmocion', 'contusion … cabeza',
      '(sangra|sangrando|herida|corte|descalabr*) … cabeza', 'cayo de cabeza', 'cayo … (de cabeza|sobre la cabeza)', 'golpeo la cabeza', 'head injury', 'concussion', 'hit … head',
    ],
    CLEAR_FLUID: ['liquido … (nariz|oido|oidos|oreja|orejas)', 'le sale agua … (nariz|oido|oreja)', 'liquido transparente|claro', 'agua clara … (nariz|oido)', 'clear fluid'],
    BLOOD_THINNER: ['(tomo|toma|toman|tomando) … (anticoagula*|para adelgazar la sangre|blood thinner*)', 'warfarin*', 'anticoagula*', 'sintrom', 'acenocumarol', 'xarelto', 'rivaroxaban*', 'eliquis', 'apixaban*', 'clopidogrel', 'plavix', 'para adelgazar la sangre', 'para la sangre', 'coumadin', 'heparina', 'aspirina diaria'],

    // ---- thunderclap headache -----------------------------------------------------------
    HEADACHE: ['agarr* la cabeza', 'se agarro la cabeza', 
      'dolor de cabeza', 'cabeza … duele|dolor|explota|exploto|estalla|revienta|partir|parte|va a explotar|reventar', '(explota|exploto|estallo|estalla|revienta|revento) … cabeza', 'jaqueca', 'migrana', '(duele|duela|duelen|dolia|doliendo|dolor) … (cabeza|cabesa|head)',
      'headache*', 'cefalea', 'dolor de cabesa', 'dolorsote de cabeza',
    ],
    WORST_EVER: ['batazo', 'trancazo', 'mazazo', 'como si le pegaran', 'como un palo', 
      'el peor … dolor', 'peor … de mi|su vida', 'nunca … sentido|tenido … asi|igual', 'nunca habia', 'como un trueno', 'trueno', 'exploto', 'explota', 'estallar', 'como un golpe|balazo|martillazo|rayo|latigazo',
      'como si me pegaran', 'como si me hubieran pegado', 'worst … (headache|pain)', 'va a explotar', 'me va a reventar', 'nunca en mi vida', 'jamas habia sentido',
    ],

    // ---- choking ------------------------------------------------------------------------
    CHOKING: [
      'atragant*', 'atoro', 'se atoro', 'atorad*', 'ahogando con', 'se ahoga con', 'se ahogo con', 'se le atoro', 'atascad* en la garganta', 'algo … atorado … garganta', 'choking', 'se esta atorando', 'atorando',
      'se le fue … (por el otro lado|chueco)', 'algo … (trabado|atorado|atascado) … garganta', 'no puede toser', 'se le atraveso', 'se atraganto',
    ],
    SWALLOWED_OBJECT: [
      '(trago|se trago|se comio|trague) … (moneda|pila|iman|juguete|uva|pedazo|canica|hueso|bolita|arete|tornillo|clavo|alfiler|boton|tapita|pieza|espina|cuenta|chicharo)',
      'moneda|pedazo|uva|hueso|espina|canica … atorad*|atascad*|trabad*',
    ],

    // ---- other emergencies --------------------------------------------------------------
    DIABETIC: ['diabet*', 'insulina', 'tipo 1', 'tipo uno', 'tipo 2', 'tipo dos', 'type 1', 'azucar', 'glucosa', 'glucometro', 'glicemia', 'glucemia', 'sugar', 'metformina'],
    LOW_SUGAR: [
      '(azucar|glucosa|glicemia|glucemia|glucometro|sugar) … (baja|bajo|bajisima|bajisimo|bajita|<n:10-65>|en <n:10-65>|low)', 'me baja|bajo|bajó el azucar', 'se le bajo el azucar', 'se le baja el azucar',
      'hipoglucemia', 'hipoglicemia', 'hipo de azucar', 'bajon de azucar', 'baja de azucar', 'bajada de azucar', 'low sugar', '<n:1-3.5> mmol', 
    ],
    HIGH_SUGAR: ['(dice|marca|sale|salio) (hi|high)', 'en hi', 
      '(glucometro|azucar|glucosa|aparato|medidor|sugar|glicemia) … (dice|marca|sale|salio|marco|lee|dio) … (hi|high|alto|alta|altisima|altisimo|<n:300-900>)', '(azucar|glucosa|glicemia|sugar) … (altisima|por las nubes|<n:300-900>|en <n:300-900>|muy alta)',
      'cetonas', 'cetoacidosis', 'ketones', 'dka', 'hiperglucemia', 'hiperglicemia', 'sube|subio|subió mucho el azucar', 'se le subio el azucar', 'azucar alta',
    ],
    FRUITY_BREATH: ['aliento … (a fruta|afrutado|dulce|a manzana|a acetona|a quitaesmalte|raro)', 'respira … profundo', 'respiracion … profunda', 'acetona', 'huele a … (fruta|manzana|acetona)', 'fruity'],
    TESTICLE: ['testicul*', 'testiculo', 'testiculos', 'escroto', 'testicle*', 'balls', 'huevito*', 'bolsa escrotal', 'bolas', 'teste*', 'ingle'],
    HEAT: [
      'golpe de calor', 'insolacion', 'insolad*', 'mucho calor', 'al sol', 'bajo el sol', 'carro … (encerrad*|sol|caliente)', 'ola de calor', 'acalorad*', 'acaloro', 'sobrecalentad*', 'heatstroke', 'heat stroke',
      'calor … (horas|obra|campo|trabajando)', 'en el campo … sol', 'calorazo', 'calor extremo', 'deshidratad* por el calor', 'heat',
    ],
    NOT_SWEATING: ['no suda', 'ya no suda', 'dejo de sudar', 'piel seca y caliente', 'caliente y seca', 'no esta sudando', 'seca y ardiendo', 'no sweating'],
    DROWNING: ['(sacamos|sacaron|saque|saco) (a|al) … (de la|del) (alberca|piscina|pileta|agua|rio|mar|lago|tina|banera)', 
      'ahog* … (alberca|piscina|pileta|rio|mar|lago|agua|playa|tina|banera|estanque|presa|charca|laguna)', 'sacamos … (alberca|piscina|pileta|rio|mar|lago|agua|tina|banera|estanque|presa)',
      'sacaron … (alberca|piscina|pileta|rio|mar|lago|agua|tina|banera)', 'se hundio', 'casi se ahoga', 'casi se ahogo', 'se estaba ahogando', 'lo|la sacamos del agua', 'debajo del agua', 'bajo el agua … (minuto*|segundos|rato)',
      'tosio agua', 'ahogamiento', 'ahogado', 'ahogada', 'drown*', 'boca abajo en … (agua|tina|alberca|piscina)', 'cayo … (alberca|piscina|pileta|rio|lago|tina|pozo)', 'se cayo al agua',
    ],
    MAJOR_TRAUMA: [
      '(cayo|cai|caida|cayeron|callo|cayó|calló) … (techo|azotea|tejado|balcon|ventana|arbol|andamio|escalera|segundo piso|tercer piso|puente|altura|<n:2-50> metros|barranco|precipicio|caballo|moto)',
      'hueso … (fuera|afuera|salido|se ve|expuesto|saliendo|de fuera)', 'se ve el hueso', 'fractura expuesta', 'choque de (carro|coche|auto|moto)', 'chocamos', 'choco … (carro|coche|moto|auto|camion)',
      'accidente de … (carro|coche|auto|moto|transito|trafico)', 'accidente … (carretera|auto|moto)', 'atropell*', 'volc*', 'no (siente|siento) … (piernas|brazos|pies)', 'no puede mover … piernas',
      'cuello … (despues|tras) … (caida|choque|accidente)', 'aplastad*', 'prensad*', 'me atropellaron', 'car crash', 'car accident', 'se rompio … (pierna|brazo) … hueso', 'hit by a car',
    ],
    EYE_EMERGENCY: [
      '(cloro|quimico|acido|limpiador|lejia|cal|cemento|thinner|gasolina|amoniaco|destapacanos|detergente|jabon|spray|limpiahornos|soda|sosa|pegamento|kola loca|gotas de) … (en el ojo|en los ojos|ojo|ojos)',
      'salpic* … ojo*', '(se pico|se clavo|se enterro|se metio|se le clavo|se le metio|le entro|me entro|me pique|me clave) … ojo*', 'ojo … (cortado|perforado|sangr*|reventado)', 'no veo … (nada|de repente|de golpe)',
      'de repente … no (veo|ve)', 'perdi la vista', 'se quedo ciego|ciega', 'algo … (clavado|enterrado|atorado|metido) … ojo', 'lapiz … ojo', 'vidrio … ojo', 'rama … ojo', 'ojo … (liquido|le sale)',
    ],
  },

  rules: tuneRules({
    set: {
      // "ardor de estómago" (heartburn) shares its words with burns.
      'burns.severe': { unless: ['MINOR', 'HEARTBURN'] },
      'burns.area': { unless: ['MINOR', 'HEARTBURN'] },
      'thunderclap.worst': { window: 14 },
      // Spanish takes more words to say the same thing ("se la tragó", "le falta la pila del control").
      'swallowed.battery': { window: 14 },
      'swallowed.magnet': { window: 14 },
      'poisoning.child_medicine': { window: 20 },
      'poisoning.chemical': { window: 12 },
      'poisoning.plant': { window: 12 },
      'overdose.large_amount': { window: 14 },
      'screen.some_pills': { window: 14 },
      // Ankles that swell "un poquito" by evening are ordinary in pregnancy.
      'pregnancy.preeclampsia_swelling': { unless: ['MINOR'] },
    },
    after: {
      'pregnancy.vomiting': [
        { id: 'pregnancy.cant_keep_down', flag: 'pregnancy-severe-vomiting', all: ['PREGNANT', 'CANT_KEEP_DOWN'], note: '"estoy embarazada y no retengo nada": the vomiting is in the words for keeping nothing down' },
      ],
      'infant.refuses_feeds': [
        { id: 'dehydration.fluids', flag: 'child-dehydration', all: ['CANT_KEEP_DOWN', ['LITTLE_URINE', 'VOMIT', 'DEHYDRATION_SIGNS']], note: 'no base rule raises child-dehydration' },
        { id: 'dehydration.urine', flag: 'child-dehydration', all: [['VOMIT', 'DIARRHEA'], 'LITTLE_URINE'] },
      ],
    },
  }),
};
