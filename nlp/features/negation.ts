// Negation scope: after "not", "non", "no", "nunca"… the next few words are marked, so the model
// can learn that "non è male" is not "male" and "no me gustó nada" is not "gustó". The lists
// are the common negators and contrast words of the languages we serve first (en, it, es) plus
// fr, de, pt, which share the training data.

export const NEGATORS = new Set([
  // en
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'cannot', "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "shouldn't", "couldn't", "haven't", "hasn't", "hadn't", "ain't", 'dont', 'doesnt', 'didnt', 'isnt', 'cant', 'wont',
  // it
  'non', 'mai', 'niente', 'nulla', 'nessuno', 'nessuna', 'nessun', 'né', 'senza', 'nemmeno', 'neanche', 'neppure', 'mica',
  // es
  'nunca', 'nada', 'nadie', 'ni', 'sin', 'jamás', 'jamas', 'tampoco', 'ningún', 'ninguno', 'ninguna',
  // fr, de, pt
  'ne', "n'", 'pas', 'jamais', 'rien', 'personne', 'nicht', 'kein', 'keine', 'keinen', 'nie', 'nichts', 'não', 'nao', 'nem', 'nenhum', 'nenhuma',
]);

/** Words after which the scope ends: what follows "but" is a new judgement. */
export const CONTRASTS = new Set(['but', 'however', 'ma', 'però', 'tuttavia', 'pero', 'sino', 'aunque', 'mais', 'aber', 'mas', 'porém']);

/** How many words a negator reaches when no punctuation ends it first. */
export const NEGATION_REACH = 3;
