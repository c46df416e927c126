import { describe, expect, it } from 'vitest';
import { compareNames, foldedNames, foldName, nameKey } from '../../core/domain/nameFolding';
import { newPersonSchema } from '../../core/domain/person';

// Typed as base letters and combining marks (e + U+0308), as some keyboards and pasted text send it.
const decomposed = 'Zoë Nguyễn-Đặng'.normalize('NFD');

describe('folding a name for matching', () => {
  it('folds the same person typed every way to one form', () => {
    expect(decomposed).toContain('e\u0308');
    for (const typed of ['Zoë Nguyễn-Đặng', 'ZOË NGUYỄN-ĐẶNG', 'Zoë Nguyễn-đặng', decomposed, 'zoe nguyen-dang', '  Zoë   Nguyễn‐Đặng ']) {
      expect(foldName(typed)).toBe('zoe nguyen-dang');
    }
  });

  it.each([
    // Vietnamese
    ['Nguyễn Thị Minh Khai', 'nguyen thi minh khai'],
    ['Trần Đức Lương', 'tran duc luong'],
    ['Phạm Văn Đồng', 'pham van dong'],
    // Polish
    ['Łukasz Żółkiewski', 'lukasz zolkiewski'],
    ['Małgorzata Wąsowska-Łęcka', 'malgorzata wasowska-lecka'],
    // Turkish: dotless ı, dotted İ, ş, ğ, ç
    ['Işıl Yıldırım', 'isil yildirim'],
    ['İbrahim Çağlar Şahin', 'ibrahim caglar sahin'],
    ['Gülşen Öztürk', 'gulsen ozturk'],
    // Nordic
    ['Søren Kierkegaard', 'soren kierkegaard'],
    ['Ævar Þór Benediktsson', 'aevar thor benediktsson'],
    ['Guðrún Ósk Jónsdóttir', 'gudrun osk jonsdottir'],
    ['Åsa Ødegård', 'asa odegard'],
    // German
    ['Jürgen Groß', 'jurgen gross'],
    ['MARIA STRAẞE', 'maria strasse'],
    // French
    ['Œdipe Cœurdelion', 'oedipe coeurdelion'],
    ['Hélène Lefèvre', 'helene lefevre'],
    // Irish Gaelic with fadas
    ['Seán Ó Briain', 'sean o briain'],
    ['Aoife Ní Dhónaill', 'aoife ni dhonaill'],
    ['Máire Nic Giolla Phádraig', 'maire nic giolla phadraig'],
    // Yoruba with dots below and tones
    ['Adébáyọ̀ Ọlọ́runfẹ́mi', 'adebayo olorunfemi'],
    ['Ṣọlá Ògúnṣẹ́yìn', 'sola ogunseyin'],
    // Spanish, Portuguese, Romanian, Czech
    ['José María Núñez', 'jose maria nunez'],
    ['João Gonçalves', 'joao goncalves'],
    ['Ștefan Țăranu', 'stefan taranu'],
    ['Dvořák Šimůnek', 'dvorak simunek'],
  ])('%s → %s', (typed, folded) => {
    expect(foldName(typed)).toBe(folded);
    expect(foldName(typed.normalize('NFD'))).toBe(folded);
  });

  it('makes typographic apostrophes and hyphens plain ones', () => {
    expect(foldName('O’Brien')).toBe("o'brien");
    expect(foldName("O'Brien")).toBe("o'brien");
    expect(foldName('Oʼbrien')).toBe("o'brien");
    expect(foldName('D‘Souza')).toBe("d'souza");
    expect(foldName('Ní Mhurchú–Smith')).toBe('ni mhurchu-smith');
    expect(foldName('Anne‑Marie')).toBe('anne-marie');
  });

  it('leaves scripts without case or accents as they are, and collapses any whitespace', () => {
    expect(foldName('王秀英')).toBe('王秀英');
    // Cyrillic й loses its breve like any accent: looser matching, the same on both sides.
    expect(foldName('Дмитрий  Иванов')).toBe('дмитрии иванов');
    expect(foldName('Ελένη\tΠαπαδοπούλου')).toBe('ελενη παπαδοπουλου');
    expect(foldName('Ｚｏｅ')).toBe('zoe');
  });

  it('does not depend on the machine’s locale for upper-case I', () => {
    expect(foldName('IRIS')).toBe('iris');
  });
});

describe('a stored name', () => {
  it('is kept as typed, in NFC', () => {
    const p = newPersonSchema.parse({ preferredName: ` ${decomposed} `, dateOfBirth: '1990-02-03', referralReceivedOn: '2026-01-05', referralSource: 'self', pathway: 'other' });
    expect(p.preferredName).toBe('Zoë Nguyễn-Đặng');
    expect(p.preferredName).toBe(p.preferredName.normalize('NFC'));
  });
});

describe('the names a person goes by', () => {
  it('folds the preferred name first, then the given and family names, then the preferred with the family name, each once', () => {
    expect(foldedNames({ preferredName: 'Sam', givenName: 'Samuel', familyName: 'Okafor-Núñez' })).toEqual(['sam', 'samuel okafor-nunez', 'sam okafor-nunez']);
    expect(foldedNames({ preferredName: 'Zoë Nguyễn-Đặng', givenName: 'ZOË', familyName: 'Nguyễn-Đặng' })).toEqual(['zoe nguyen-dang']);
    expect(foldedNames({ preferredName: 'Jo', givenName: null, familyName: '  ' })).toEqual(['jo']);
    expect(foldedNames({ preferredName: 'Jo', givenName: 'Joanna' })).toEqual(['jo', 'joanna']);
    expect(foldedNames({ preferredName: 'Jo Smith', givenName: 'Joanne', familyName: 'SMITH' })).toEqual(['jo smith', 'joanne smith']);
  });

  it('stores them one to a line, so the words searched for fall inside one name', () => {
    const key = nameKey({ preferredName: 'Sam', givenName: 'Samuel', familyName: 'Smith' });
    expect(key).toBe('sam\nsamuel smith\nsam smith');
    expect(foldName('smith sam')).not.toContain('\n');
    expect(key.includes(foldName('smith sam'))).toBe(false);
    expect(key.includes(foldName('SMITH'))).toBe(true);
  });
});

describe('sorting by name', () => {
  it('puts "Ábel" with the As and ignores case, as the caseload sorts', () => {
    const names = ['Zoë', 'éric', 'BEN', 'Ábel', 'adam', 'Ōta', 'Åsa', 'Łukasz', 'Abel Smith'];
    expect([...names].sort(compareNames)).toEqual(['Ábel', 'Abel Smith', 'adam', 'Åsa', 'BEN', 'éric', 'Łukasz', 'Ōta', 'Zoë']);
  });

  it('orders the stored keys by preferred name, a shorter name before a longer one that starts with it', () => {
    const people = [
      { preferredName: 'Abel Smith' },
      { preferredName: 'Ábel', givenName: 'Abelard', familyName: 'Zed' },
      { preferredName: 'abel', familyName: 'Jones' },
      { preferredName: 'Adam' },
    ];
    const byKey = [...people].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1)).map((p) => p.preferredName);
    expect(byKey).toEqual(['Ábel', 'abel', 'Abel Smith', 'Adam']);
  });
});
