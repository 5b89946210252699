// Curated abuse terms for English, Italian and Spanish, by category. Written for Tandem (no
// source list had categories); the "profanity" category is completed at load from the
// LDNOOBW lists (naughty-words, CC BY 4.0) minus their everyday words. Entries are lowercase;
// a trailing "*" matches any ending ("stronz*" matches stronzo, stronza, stronzate).
// Slurs are listed because a moderator must catch them, not because anyone should use them.

/** hostility: words of hatred ("I hate…", "odio…"); alone they are not abuse, beside an identity group they are hate. */
export type AbuseCategory = 'insult' | 'slur' | 'threat' | 'dehumanizing' | 'hostility' | 'profanity';

export const ABUSE_TERMS: Record<'en' | 'it' | 'es', Record<Exclude<AbuseCategory, 'profanity'>, string[]>> = {
  en: {
    insult: ['idiot*', 'moron*', 'stupid', 'dumbass*', 'retard*', 'loser*', 'scumbag*', 'imbecile*', 'cretin*', 'jerk', 'jerks', 'pathetic', 'worthless', 'clown*', 'dickhead*', 'douche*', 'twat*', 'wanker*', 'prick*', 'bitch*', 'asshole*', 'bastard*', 'cunt*', 'slut*', 'whore*', 'skank*', 'trash', 'garbage', 'disgusting', 'ugly', 'shithead*', 'shut up', 'stfu'],
    slur: ['nigger*', 'nigga*', 'faggot*', 'fag', 'fags', 'dyke*', 'tranny*', 'kike*', 'spic', 'spics', 'wetback*', 'chink*', 'gook*', 'raghead*', 'towelhead*', 'beaner*', 'coon', 'coons', 'paki', 'pakis', 'rapefugee*', 'feminazi*', 'retard', 'retards'],
    threat: ['kill you', 'kill them', 'kill all', 'kill yourself', 'kys', 'shoot them', 'shoot you', 'hang them', 'burn them', 'deport them all', 'should die', 'should be killed', 'deserve to die', 'gonna kill', 'will kill', 'i will find you', 'beat you up', 'rape you', 'i will rape'],
    hostility: ['hate', 'hates', 'hating', 'despise*', 'detest*', "can't stand", 'cannot stand', 'sick of', 'get rid of'],
    dehumanizing: ['vermin', 'parasite*', 'cockroach*', 'rats', 'animals', 'subhuman*', 'savages', 'filth', 'plague', 'disease', 'scum', 'invaders', 'infestation'],
  },
  it: {
    insult: ['idiot*', 'stupid*', 'cretin*', 'imbecill*', 'deficient*', 'scem*', 'coglion*', 'stronz*', 'testa di cazzo', 'pezzo di merda', 'bastard*', 'puttan*', 'troia', 'troie', 'zoccol*', 'mignott*', 'cornut*', 'fallit*', 'buffon*', 'pagliacc*', 'schifos*', 'disgustos*', 'ripugnant*', 'fai schifo', 'fate schifo', 'fa schifo', 'vaffanculo', 'fanculo', 'stai zitto', 'state zitti', 'ritardat*', 'mongoloid*', 'demente', 'dementi', 'cesso', 'verme', 'vermi', 'feccia', 'porco', 'porca', 'maiale', 'sfigat*', 'pirla', 'babbeo', 'somaro', 'ignorant*', 'ciarlatan*', 'vigliacc*', 'lecchin*', 'leccaculo'],
    slur: ['negr*', 'frocio', 'froci', 'finocchi*', 'ricchion*', 'recchion*', 'culattone', 'culattoni', 'checca', 'checche', 'terron*', 'polentone', 'zingar*', 'marocchin*', 'mongoloid*', 'ritardat*', 'lesbicona', 'travon*'],
    threat: ['ti ammazzo', 'vi ammazzo', 'ammazzarli', 'ammazzateli', 'ucciderli', 'uccideteli', 'sterminarli', 'sterminateli', 'devono morire', 'dovete morire', 'devi morire', 'meritano di morire', 'bruciarli', 'bruciateli', 'impiccarli', 'fucilarli', 'ti spacco la faccia', 'ti vengo a prendere', 'ti stupro', 'stuprare', 'a morte', 'ammazzare tutti', 'affondare i barconi', 'affondateli'],
    hostility: ['odio', 'odiamo', 'odiare', 'odiate', 'odiano', 'detesto', 'detestiamo', 'detestare', 'disprezzo', 'disprezziamo', 'non sopporto', 'non sopportiamo', 'basta con', 'fuori dai coglioni', 'tornatevene'],
    dehumanizing: ['bestie', 'animali', 'parassit*', 'scarafagg*', 'ratti', 'topi di fogna', 'sottouman*', 'selvaggi', 'feccia', 'invasori', 'piaga', 'cancro', 'spazzatura', 'immondizia', 'vermi'],
  },
  es: {
    insult: ['idiota*', 'estúpid*', 'estupid*', 'imbécil*', 'imbecil*', 'gilipollas', 'jilipollas', 'pendej*', 'cabr*n*', 'capull*', 'kapull*', 'tont*', 'subnormal*', 'retrasad*', 'mongól*', 'inútil*', 'inutil*', 'payas*', 'basura', 'asqueros*', 'repugnante*', 'das asco', 'dais asco', 'da asco', 'hijo de puta', 'hija de puta', 'hijueputa', 'hijoputa', 'hdp', 'puta', 'putas', 'zorra*', 'perra*', 'malparid*', 'pinche', 'mierda', 'cállate', 'callate', 'callaos', 'soplapollas', 'lameculos', 'cerd*', 'marran*', 'imbéciles', 'fracasad*', 'cobarde*', 'ignorante*', 'mamón', 'mamon', 'boludo*', 'huevón*', 'weón*', 'culero*', 'vete a la mierda', 'ojalá te mueras'],
    slur: ['negrat*', 'sudaca*', 'maric*n*', 'marica', 'maricas', 'bollera*', 'tortillera*', 'travelo*', 'moro de mierda', 'moros de mierda', 'panchit*', 'machupichu', 'gitano de mierda', 'gitanos de mierda', 'mongol*', 'retrasado*', 'charnego*', 'negro de mierda', 'negros de mierda', 'feminazi*'],
    threat: ['te voy a matar', 'os voy a matar', 'los voy a matar', 'hay que matarlos', 'matarlos a todos', 'que se mueran', 'deberían morir', 'deberian morir', 'merecen morir', 'mereces morir', 'quemarlos', 'colgarlos', 'fusilarlos', 'te voy a violar', 'violarla', 'a la hoguera', 'paredón', 'paredon', 'te parto la cara', 'exterminarlos', 'hundir las pateras'],
    hostility: ['odio', 'odiamos', 'odiar', 'odian', 'detesto', 'detestamos', 'desprecio', 'despreciamos', 'no soporto', 'no soportamos', 'fuera de aquí', 'que se vayan', 'largo de aquí'],
    dehumanizing: ['bestias', 'animales', 'parásit*', 'parasit*', 'cucarachas', 'ratas', 'alimañas', 'subhuman*', 'salvajes', 'escoria', 'invasores', 'plaga', 'cáncer', 'basura', 'chusma', 'gentuza'],
  },
};

/** Identity groups (protected characteristics): with abuse in the same text they make hate, not just offence. */
export const IDENTITY_TERMS: Record<'en' | 'it' | 'es', string[]> = {
  en: ['women', 'woman', 'girls', 'immigrant*', 'migrant*', 'refugee*', 'muslim*', 'islam', 'jews', 'jewish', 'jew', 'black people', 'blacks', 'gays', 'gay people', 'lesbians', 'trans people', 'transgender*', 'disabled people', 'mexicans', 'arabs', 'africans', 'asians', 'chinese', 'gypsies', 'roma', 'foreigners', 'feminists', 'homosexuals'],
  it: ['donne', 'donna', 'femmine', 'immigrat*', 'migranti', 'profughi', 'rifugiati', 'clandestini', 'stranieri', 'musulman*', 'islamic*', 'ebre*', 'neri', 'africani', 'gay', 'omosessuali', 'lesbiche', 'trans', 'transessuali', 'disabili', 'rom', 'zingari', 'arabi', 'cinesi', 'meridionali', 'femministe'],
  es: ['mujeres', 'mujer', 'inmigrantes', 'migrantes', 'refugiados', 'ilegales', 'extranjeros', 'musulman*', 'islámic*', 'judíos', 'judios', 'negros', 'africanos', 'gays', 'homosexuales', 'lesbianas', 'trans', 'transexuales', 'discapacitados', 'gitanos', 'moros', 'árabes', 'arabes', 'chinos', 'latinos', 'sudamericanos', 'feministas', 'menas'],
};

/** LDNOOBW entries that are ordinary words in everyday speech: never flagged as profanity. */
export const NOT_PROFANITY = new Set([
  'anal', 'escort', 'erotic', 'domination', 'intercourse', 'genitals', 'lolita', 'hardcore', 'hard core', 'kinky',
  'balle', 'battere', 'biga', 'cadavere', 'monta', 'montare', 'pesce', 'regina', 'tirare', 'vangare', 'pompa', 'spagnola', 'quaglia', 'fava', 'patacca', 'cozza', 'sbattere', 'bagnarsi', 'guardone', 'pipì', 'cacca', 'mannaggia', 'palle', 'palloso', 'pisello', 'pistolotto', 'sega', 'vacca', 'nave scuola', 'zio cantante', 'tarzanello', 'rizzarsi', 'pomiciare', 'femminuccia', 'ruffiano', 'lecchino', 'mona', 'topa',
  'asesinato', 'asno', 'caca', 'concha', 'drogas', 'heroína', 'infierno', 'maldito', 'martillo', 'nazi', 'orina', 'pedo', 'pervertido', 'pezón', 'pis', 'prostituta', 'racista', 'sexo', 'trio', 'vulva', 'esperma', 'semen', 'travesti', 'sádico', 'haciendo el amor', 'fiesta de salchichas', 'tía buena', 'maciza', 'chupada',
]);
