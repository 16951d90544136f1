package benchcorpus

// tongue is the sample text of one language the corpus can be translated
// into. The sentences are fixed, plausible things a PSA writes, not
// translations of particular English ones: the corpus is for measuring a
// build, and a translation the size and shape of its original (same
// blocks, links and keys) is what the build's cost depends on. Names of
// schools, people and places stay in English, as translators leave them.
type tongue struct {
	code, name string
	// wordsPerEnglish is how many words the language takes for one English
	// word, roughly, so translated text is about as long as real text.
	wordsPerEnglish float64
	sentences       []string // slots: {n} a small number, {pct} a percentage, {date} a day and month
	months          []string // 12, January first, the form used inside a date
	monthNames      []string // 12, January first, standing alone
	weekdays        []string // Monday to Friday, as in "on Mondays"
	dropIn          string   // the PSA's drop-in, with %s the weekday
	dropInTitle     string   // the drop-in meeting's title, with %s the PSA's name
	headings        map[string]string
	titles          map[string]string // update titles, without the month
	links           map[string]string // the text of links the generator writes
	earlier         string            // before an earlier update's title
	more            string            // any other link's text
	see             string            // a sentence pointing at a link, %s the link
	categories      map[string]string // category → its words, for glossary links
	table           string            // the "You said" table
	chartAlt        string
	areas           map[string]struct{ title, text string } // by area id
	roles           map[string]string
	measures        map[string]string // by English name
	units           map[string]string
	questions       []string // in the order of questions
	hows            map[string]string
	meetingTitles   map[string]string
	rooms           map[string]string
	stepFree        string
	access          map[string]string
	pages           []sitePage // translated site pages (not the glossary, whose headings are linked to)
}

type areaText = struct{ title, text string }

var tongues = map[string]*tongue{"pl": &polish, "ur": &urdu}

var polish = tongue{
	code: "pl", name: "Polski", wordsPerEnglish: 0.9,
	sentences: []string{
		"Dziękuję {n} rodzicom i opiekunom, którzy przyszli na spotkanie grupy fokusowej {date}.",
		"W tym tygodniu przekazałam dyrekcji Wasze opinie, bez nazwisk.",
		"Szkoła rozpoczęła nowy program nauki czytania i każda klasa ma teraz codzienne zajęcia.",
		"Według ostatnich danych {pct} na 100 uczniów osiąga oczekiwany poziom z matematyki.",
		"To lepiej niż na początku roku, ale wciąż jest wiele do zrobienia.",
		"Kilkoro z Was powiedziało mi, że trudno pomóc dzieciom w odrabianiu prac domowych.",
		"Jeśli nie możecie przyjść na spotkanie, napiszcie SMS lub e-mail, a przekażę Wasze uwagi.",
		"Inspektorzy przyjdą ponownie, aby sprawdzić postępy szkoły.",
		"Członkowie rady szkoły odwiedzają teraz szkołę co pół semestru, aby zobaczyć zmiany na własne oczy.",
		"Frekwencja w tym semestrze wzrosła i mniej uczniów regularnie opuszcza lekcje.",
		"Warsztaty dla rodziców i opiekunów odbędą się {date} o godzinie 15:30.",
		"Nie trzeba się zapisywać, a młodsze dzieci są mile widziane.",
		"Szkoła szkoli wszystkich nauczycieli i asystentów w nowym podejściu do nauczania.",
		"Niektórzy pytali, dlaczego zmiany trwają tak długo; szczera odpowiedź jest taka, że dobre szkolenie wymaga czasu.",
		"Następne spotkanie grupy fokusowej odbędzie się {date} w sali dla rodzin.",
		"Plan działań pokazuje, co robi szkoła, kto za to odpowiada i kiedy ma to być gotowe.",
		"Z działań zapisanych w planie {n} jest zakończonych, a większość pozostałych przebiega zgodnie z planem.",
		"Dajcie mi znać, jeśli coś na tej stronie jest niezrozumiałe, a poprawię to.",
		"Wasze opinie naprawdę mają znaczenie: trzy zmiany w tym semestrze wynikają z pomysłów ze skrzynki na sugestie.",
		"Dyrektor napisał do każdej rodziny w sprawie zmian w planie dnia szkolnego.",
		"Jeśli Wasze dziecko ma specjalne potrzeby edukacyjne, koordynator SENCO chciałby się z Wami spotkać w tym semestrze.",
		"Dzieci, które czytają w domu co najmniej cztery razy w tygodniu, robią najszybsze postępy.",
		"Tłumacz może przyjść na każde spotkanie, jeśli powiecie mi o tym tydzień wcześniej.",
		"Szkoła opublikuje krótkie podsumowanie postępów pod koniec każdego semestru.",
	},
	months:      []string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	monthNames:  []string{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"},
	weekdays:    []string{"poniedziałki", "wtorki", "środy", "czwartki", "piątki"},
	dropIn:      "W %s, 8:30–9:30, w sali dla rodzin",
	dropInTitle: "Dyżur: %s",
	headings: map[string]string{
		"What you said": "Co powiedzieliście", "What the school is doing": "Co robi szkoła",
		"Next steps": "Kolejne kroki", "Read more": "Więcej informacji",
	},
	titles: map[string]string{
		"You said, we did":                  "Wy powiedzieliście, my zrobiliśmy",
		"News from the School Review Group": "Wieści z Zespołu ds. Przeglądu Szkoły",
		"Welcome back":                      "Witamy z powrotem",
		"Reading is improving":              "Czytanie idzie coraz lepiej",
		"What parents told us":              "Co powiedzieli nam rodzice",
		"The action plan: how it is going":  "Plan działań: jak nam idzie",
		"Meet your Parent Champion":         "Poznajcie swojego Rzecznika Rodziców",
		"Inspectors' monitoring visit":      "Wizyta monitorująca inspektorów",
		"Attendance is improving":           "Frekwencja się poprawia",
		"Support for pupils with SEND":      "Wsparcie dla uczniów ze SEND",
		"Maths at home":                     "Matematyka w domu",
		"Spring term plans":                 "Plany na semestr wiosenny",
		"Summer term plans":                 "Plany na semestr letni",
		"The inspection report explained":   "Raport z inspekcji w prostych słowach",
		"Changes to the school day":         "Zmiany w planie dnia szkolnego",
		"Questionnaire results":             "Wyniki ankiety",
	},
	links: map[string]string{
		"The school's action plan (PDF)":                                        "Plan działań szkoły (PDF, po angielsku)",
		"What the school is doing, and how it is going":                         "Co robi szkoła i jak jej idzie",
		"Everything parents and carers have told us, and the school's response": "Wszystko, co powiedzieli nam rodzice i opiekunowie, oraz odpowiedź szkoły",
		"All meetings, and how to add them to your calendar":                    "Wszystkie spotkania i jak dodać je do kalendarza",
		"The meetings page":                "Strona spotkań",
		"What happens after an inspection": "Co dzieje się po inspekcji",
		"Ofsted's guide for parents":       "Poradnik Ofsted dla rodziców (po angielsku)",
	},
	earlier: "Wcześniejsza aktualność: ",
	more:    "więcej",
	see:     "Zobacz: %s.",
	categories: map[string]string{
		"special-measures":                 "specjalne środki",
		"serious-weaknesses":               "poważne słabości",
		"notice-to-improve":                "nakaz poprawy",
		"requires-significant-improvement": "wymaga znaczącej poprawy",
		"requires-improvement":             "wymaga poprawy",
	},
	table: "| Powiedzieliście | Odpowiedź szkoły | Postęp |\n|---|---|---|\n" +
		"| Książki do czytania są za trudne | Nowe książki dopasowane do programu fonetycznego | W toku |\n" +
		"| Chcemy mieć wpływ na plany wsparcia SEND | Koordynator SENCO spotyka się z każdą rodziną | W toku |\n" +
		"| Chcemy zobaczyć, jak wyglądają lekcje | Rodzice są mile widziani w klasie | Zrobione |",
	chartAlt: "Wykres słupkowy postępów uczniów w tym roku",
	areas: map[string]areaText{
		"reading":              {"Wczesne czytanie i fonetyka", "Zadbać o to, by nauka wczesnego czytania i fonetyki była spójna, personel dobrze przeszkolony, a uczniowie czytali książki dopasowane do znanych im głosek."},
		"maths":                {"Matematyka", "Poprawić nauczanie matematyki, aby uczniowie solidnie budowali wiedzę i umieli ją wykorzystać do rozwiązywania problemów."},
		"writing":              {"Pisanie", "Podnieść poziom pisania, aby uczniowie pisali poprawnie i obszernie na wszystkich przedmiotach."},
		"send":                 {"Wsparcie dla uczniów ze SEND", "Zadbać o to, by uczniowie ze specjalnymi potrzebami edukacyjnymi i niepełnosprawnościami byli szybko rozpoznawani, a nauczyciele dostosowywali do nich nauczanie."},
		"leadership":           {"Kierownictwo i nadzór", "Zadbać o to, by kierownictwo, w tym rada szkoły, rzetelnie sprawdzało jakość edukacji i rozliczało personel z jej poprawy."},
		"attendance":           {"Frekwencja", "Poprawić frekwencję, zwłaszcza uczniów w trudniejszej sytuacji, aby mniej uczniów regularnie opuszczało szkołę."},
		"behaviour":            {"Zachowanie", "Zadbać o wysokie i konsekwentnie stosowane wymagania dotyczące zachowania, aby lekcje nie były zakłócane."},
		"curriculum":           {"Program nauczania", "Zaplanować program każdego przedmiotu tak, aby uczniowie poznawali najważniejszą wiedzę w rozsądnej kolejności."},
		"assessment":           {"Sprawdzanie wiedzy uczniów", "Zadbać o to, by nauczyciele sprawdzali, co uczniowie wiedzą, i wykorzystywali to do uzupełniania luk."},
		"safeguarding":         {"Bezpieczeństwo uczniów", "Zadbać o kompletną dokumentację dotyczącą ochrony dzieci i o to, by cały personel szybko reagował na niepokojące sygnały."},
		"early-years":          {"Edukacja przedszkolna", "Poprawić edukację najmłodszych dzieci, aby rozwinęły język i umiejętność komunikacji potrzebne w klasie pierwszej."},
		"personal-development": {"Rozwój osobisty", "Wzmocnić rozwój osobisty uczniów, w tym rozumienie zdrowych relacji i bezpieczeństwa w internecie."},
	},
	roles: map[string]string{
		"Headteacher": "Dyrektor szkoły", "Deputy headteacher": "Zastępca dyrektora", "Reading lead": "Koordynator czytania",
		"Maths lead": "Koordynator matematyki", "SENCO": "Koordynator SENCO", "Chair of governors": "Przewodniczący rady szkoły",
		"Attendance officer": "Specjalista ds. frekwencji", "Local authority adviser": "Doradca władz lokalnych",
	},
	measures: map[string]string{
		"Year 1 pupils passing the phonics screening check":                   "Uczniowie klasy 1, którzy zdali test fonetyczny",
		"Pupils at the expected standard in reading":                          "Uczniowie na oczekiwanym poziomie z czytania",
		"Pupils at the expected standard in maths":                            "Uczniowie na oczekiwanym poziomie z matematyki",
		"Pupils' attendance (whole school)":                                   "Frekwencja uczniów (cała szkoła)",
		"Pupils who are persistently absent":                                  "Uczniowie często nieobecni",
		"Lessons seen where pupils with SEND are well supported":              "Obserwowane lekcje, na których uczniowie ze SEND mają dobre wsparcie",
		"Pupils with a support plan written with their family":                "Uczniowie z planem wsparcia napisanym wspólnie z rodziną",
		"Pupils reading at the expected standard (Year 2 teacher assessment)": "Uczniowie czytający na oczekiwanym poziomie (ocena nauczyciela, klasa 2)",
	},
	units: map[string]string{"pupils": "uczniowie", "days": "dni", "incidents": "zdarzenia"},
	questions: []string{
		"Moje dziecko jest szczęśliwe w tej szkole.",
		"Moje dziecko czuje się bezpiecznie w tej szkole.",
		"Wiem, jakie postępy w czytaniu robi moje dziecko.",
		"Szkoła dobrze informuje mnie o wprowadzanych zmianach.",
		"Specjalne potrzeby edukacyjne mojego dziecka są dobrze wspierane.",
		"Szkoła dobrze radzi sobie z nękaniem.",
		"Poleciłbym tę szkołę innym rodzicom.",
	},
	hows: map[string]string{
		questionnaireHow:                      "Ankieta dla wszystkich rodziców i opiekunów (papierowa i internetowa)",
		"Focus group at the community centre": "Grupa fokusowa w domu kultury",
		"Suggestion box and texts":            "Skrzynka na sugestie i SMS-y",
		"Evening focus group":                 "Wieczorna grupa fokusowa",
		"Coffee morning":                      "Poranna kawa",
	},
	meetingTitles: map[string]string{
		"School Review Group":                                 "Zespół ds. Przeglądu Szkoły",
		"Coffee morning with the chair of governors":          "Poranna kawa z przewodniczącym rady szkoły",
		"Focus group for parents and carers":                  "Grupa fokusowa dla rodziców i opiekunów",
		"Evening focus group":                                 "Wieczorna grupa fokusowa",
		"Focus group on SEND support":                         "Grupa fokusowa o wsparciu SEND",
		"Phonics workshop for parents and carers":             "Warsztaty z fonetyki dla rodziców i opiekunów",
		"Maths at home workshop":                              "Warsztaty: matematyka w domu",
		"Online safety workshop":                              "Warsztaty o bezpieczeństwie w internecie",
		"Meeting for parents and carers with the headteacher": "Spotkanie rodziców i opiekunów z dyrektorem",
		"Meeting about the inspection report":                 "Spotkanie w sprawie raportu z inspekcji",
		"Ofsted monitoring visit":                             "Wizyta monitorująca Ofsted",
		"World Book Day: parents and carers welcome in class": "Światowy Dzień Książki: rodzice i opiekunowie mile widziani w klasie",
		"Sports day":   "Dzień sportu",
		"Open morning": "Dzień otwarty",
	},
	rooms:    map[string]string{"Family room": "Sala dla rodzin", "School hall": "Aula szkolna", "Library": "Biblioteka", "Community centre": "Dom kultury"},
	stepFree: "Dostęp bez schodów.",
	access: map[string]string{
		"Creche available.": "Opieka nad małymi dziećmi na miejscu.", "Interpreters on request.": "Tłumacz na życzenie.",
		"Hearing loop in the hall.": "Pętla indukcyjna w auli.", "Toddlers welcome.": "Małe dzieci mile widziane.",
	},
	pages: []sitePage{
		{"about", []byte(`---
title: O tej stronie
summary: Kim jesteśmy, do czego służy ta strona i jak może Wam pomóc doradca rodziców (PSA) w szkole.
---

Jesteśmy bezstronną, poufną i bezpłatną usługą dla rodziców i opiekunów. Nie należymy do żadnej
szkoły i nie pracujemy dla Ofsted.

Ta strona ma osobną podstronę dla każdej szkoły, która według Ofsted musi się poprawić.
[Słowa używane na tej stronie](glossary.md) wyjaśniamy prostym językiem, podobnie jak to,
[co dzieje się po inspekcji](what-happens-after-an-inspection.md).
`)},
		{"accessibility", []byte(`---
title: Deklaracja dostępności
summary: Jak dostępna jest ta strona i jak zgłosić problem.
---

Chcemy, aby z tej strony mogło korzystać jak najwięcej osób. Powiększenie do 400% nie powinno
powodować wychodzenia tekstu poza ekran, a po większości strony można poruszać się samą
klawiaturą lub czytnikiem ekranu.

Jeśli znajdziecie problem, napiszcie na adres parent.partnership@example.org.
`)},
		{"what-happens-after-an-inspection", []byte(`---
title: Co dzieje się po inspekcji
summary: Kolejne kroki po wizycie Ofsted i kiedy rodzice i opiekunowie się o nich dowiadują.
---

Po inspekcji szkoła otrzymuje wstępny raport i może go skomentować. Raport jest publikowany
około 30 dni roboczych po wizycie. Jeśli szkoła zostanie objęta kategorią, władze lokalne
przygotowują plan działań, a inspektorzy wracają, aby sprawdzić postępy.

Znaczenie używanych słów wyjaśnia [słowniczek](glossary.md).
`)},
	},
}

var urdu = tongue{
	code: "ur", name: "اردو", wordsPerEnglish: 1.2,
	sentences: []string{
		"ان {n} والدین اور سرپرستوں کا شکریہ جو {date} کو فوکس گروپ میں آئے۔",
		"میں نے اس ہفتے آپ کی آراء، ناموں کے بغیر، ہیڈ ٹیچر تک پہنچا دی ہیں۔",
		"اسکول نے پڑھائی کا ایک نیا پروگرام شروع کیا ہے، اور اب ہر کلاس میں روزانہ ایک سیشن ہوتا ہے۔",
		"پچھلی گنتی میں ہر 100 میں سے {pct} طلبہ ریاضی میں متوقع معیار پر تھے۔",
		"یہ سال کے آغاز سے بہتر ہے، لیکن ابھی بہت کام باقی ہے۔",
		"آپ میں سے کئی نے بتایا کہ گھر پر ہوم ورک میں مدد کرنا مشکل ہے۔",
		"اگر آپ میٹنگ میں نہیں آ سکتے تو مجھے ٹیکسٹ یا ای میل کریں، میں آپ کی بات آگے پہنچا دوں گی۔",
		"معائنہ کار یہ دیکھنے کے لیے دوبارہ آئیں گے کہ اسکول کیسی پیش رفت کر رہا ہے۔",
		"گورنرز اب ہر آدھے ٹرم میں اسکول آ کر خود تبدیلیاں دیکھتے ہیں۔",
		"اس ٹرم حاضری بہتر ہوئی ہے، اور کم طلبہ باقاعدگی سے غیر حاضر رہتے ہیں۔",
		"والدین اور سرپرستوں کے لیے ایک ورکشاپ {date} کو ہوگی۔",
		"بکنگ کی ضرورت نہیں، اور چھوٹے بچے بھی ساتھ آ سکتے ہیں۔",
		"اسکول ہر استاد اور تدریسی معاون کو نئے طریقے کی تربیت دے رہا ہے۔",
		"کچھ لوگوں نے پوچھا کہ تبدیلیوں میں اتنا وقت کیوں لگ رہا ہے؛ سچ یہ ہے کہ اچھی تربیت میں وقت لگتا ہے۔",
		"اگلا فوکس گروپ {date} کو فیملی روم میں ہوگا۔",
		"ایکشن پلان بتاتا ہے کہ اسکول کیا کر رہا ہے، کون اس کی قیادت کر رہا ہے اور یہ کب تک مکمل ہونا چاہیے۔",
		"منصوبے کے کاموں میں سے {n} مکمل ہو چکے ہیں اور باقی میں سے زیادہ تر وقت پر ہیں۔",
		"اگر اس ویب سائٹ پر کوئی بات سمجھنا مشکل ہو تو مجھے بتائیں، میں اسے بدل دوں گی۔",
		"آپ کی رائے واقعی فرق ڈالتی ہے: اس ٹرم کی تین تبدیلیاں تجاویز کے ڈبے سے آئیں۔",
		"ہیڈ ٹیچر نے اسکول کے دن میں تبدیلیوں کے بارے میں ہر خاندان کو خط لکھا ہے۔",
		"اگر آپ کے بچے کی خصوصی تعلیمی ضروریات ہیں تو SENCO اس ٹرم آپ سے ملنا چاہیں گے۔",
		"جو بچے ہفتے میں کم از کم چار بار گھر پر پڑھتے ہیں وہ سب سے تیزی سے ترقی کر رہے ہیں۔",
		"اگر آپ ایک ہفتہ پہلے بتا دیں تو کسی بھی میٹنگ میں ترجمان آ سکتا ہے۔",
		"اسکول ہر ٹرم کے آخر میں اپنی پیش رفت کا ایک مختصر خلاصہ شائع کرے گا۔",
	},
	months:      []string{"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"},
	monthNames:  []string{"جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"},
	weekdays:    []string{"پیر", "منگل", "بدھ", "جمعرات", "جمعہ"},
	dropIn:      "ہر %s، صبح 8:30 سے 9:30 تک، فیملی روم میں",
	dropInTitle: "%s سے ملاقات کا وقت",
	headings: map[string]string{
		"What you said": "آپ نے کیا کہا", "What the school is doing": "اسکول کیا کر رہا ہے",
		"Next steps": "اگلے اقدامات", "Read more": "مزید پڑھیں",
	},
	titles: map[string]string{
		"You said, we did":                  "آپ نے کہا، ہم نے کیا",
		"News from the School Review Group": "اسکول ریویو گروپ کی خبریں",
		"Welcome back":                      "خوش آمدید",
		"Reading is improving":              "پڑھائی بہتر ہو رہی ہے",
		"What parents told us":              "والدین نے ہمیں کیا بتایا",
		"The action plan: how it is going":  "ایکشن پلان: کام کیسا چل رہا ہے",
		"Meet your Parent Champion":         "اپنے پیرنٹ چیمپئن سے ملیے",
		"Inspectors' monitoring visit":      "معائنہ کاروں کا نگرانی کا دورہ",
		"Attendance is improving":           "حاضری بہتر ہو رہی ہے",
		"Support for pupils with SEND":      "SEND والے طلبہ کے لیے مدد",
		"Maths at home":                     "گھر پر ریاضی",
		"Spring term plans":                 "بہار کے ٹرم کے منصوبے",
		"Summer term plans":                 "گرمیوں کے ٹرم کے منصوبے",
		"The inspection report explained":   "معائنہ رپورٹ کی وضاحت",
		"Changes to the school day":         "اسکول کے دن میں تبدیلیاں",
		"Questionnaire results":             "سوالنامے کے نتائج",
	},
	links: map[string]string{
		"The school's action plan (PDF)":                                        "اسکول کا ایکشن پلان (PDF، انگریزی میں)",
		"What the school is doing, and how it is going":                         "اسکول کیا کر رہا ہے اور کام کیسا چل رہا ہے",
		"Everything parents and carers have told us, and the school's response": "والدین اور سرپرستوں نے جو کچھ ہمیں بتایا، اور اسکول کا جواب",
		"All meetings, and how to add them to your calendar":                    "تمام میٹنگز، اور انہیں اپنے کیلنڈر میں شامل کرنے کا طریقہ",
		"The meetings page":                "میٹنگز کا صفحہ",
		"What happens after an inspection": "معائنے کے بعد کیا ہوتا ہے",
		"Ofsted's guide for parents":       "والدین کے لیے آفسٹیڈ کی رہنمائی (انگریزی میں)",
	},
	earlier: "پچھلی خبر: ",
	more:    "مزید",
	see:     "دیکھیے: %s۔",
	categories: map[string]string{
		"special-measures":                 "خصوصی اقدامات",
		"serious-weaknesses":               "سنگین کمزوریاں",
		"notice-to-improve":                "بہتری کا نوٹس",
		"requires-significant-improvement": "نمایاں بہتری درکار",
		"requires-improvement":             "بہتری درکار",
	},
	table: "| آپ نے کہا | اسکول کا جواب | پیش رفت |\n|---|---|---|\n" +
		"| پڑھنے کی کتابیں بہت مشکل ہیں | فونکس پروگرام کے مطابق نئی کتابیں | جاری ہے |\n" +
		"| SEND مدد کے منصوبوں میں ہماری رائے | SENCO ہر خاندان سے مل رہے ہیں | جاری ہے |\n" +
		"| دیکھنا کہ اسباق کیسے پڑھائے جاتے ہیں | والدین کلاس میں آ سکتے ہیں | مکمل |",
	chartAlt: "اس سال طلبہ کی پیش رفت کا بار چارٹ",
	areas: map[string]areaText{
		"reading":              {"ابتدائی پڑھائی اور فونکس", "یقینی بنائیں کہ ابتدائی پڑھائی اور فونکس کی تعلیم یکساں ہو، عملہ اچھی طرح تربیت یافتہ ہو، اور طلبہ وہ کتابیں پڑھیں جو ان کی سیکھی ہوئی آوازوں کے مطابق ہوں۔"},
		"maths":                {"ریاضی", "ریاضی کی تدریس بہتر بنائیں تاکہ طلبہ مضبوطی سے علم حاصل کریں اور اسے مسائل حل کرنے میں استعمال کر سکیں۔"},
		"writing":              {"لکھائی", "لکھائی کا معیار بلند کریں تاکہ طلبہ تمام مضامین میں درست اور تفصیل سے لکھ سکیں۔"},
		"send":                 {"SEND والے طلبہ کے لیے مدد", "یقینی بنائیں کہ خصوصی تعلیمی ضروریات اور معذوری والے طلبہ کی جلد شناخت ہو اور اساتذہ اپنی تدریس ان کے مطابق ڈھالیں۔"},
		"leadership":           {"قیادت اور نظم و نسق", "یقینی بنائیں کہ گورنرز سمیت قائدین تعلیم کے معیار کو درست طور پر جانچیں اور عملے کو اس کی بہتری کے لیے جواب دہ ٹھہرائیں۔"},
		"attendance":           {"حاضری", "حاضری بہتر بنائیں، خاص طور پر محروم طلبہ کی، تاکہ کم طلبہ باقاعدگی سے اسکول سے غیر حاضر ہوں۔"},
		"behaviour":            {"رویہ", "یقینی بنائیں کہ رویے کی توقعات بلند ہوں اور ان پر یکساں عمل ہو تاکہ اسباق میں خلل نہ پڑے۔"},
		"curriculum":           {"نصاب", "ہر مضمون کا نصاب اس طرح ترتیب دیں کہ طلبہ اہم علم مناسب ترتیب سے سیکھیں۔"},
		"assessment":           {"طلبہ کے علم کی جانچ", "یقینی بنائیں کہ اساتذہ جانچیں کہ طلبہ کیا جانتے ہیں اور اس سے ان کی کمیاں دور کریں۔"},
		"safeguarding":         {"طلبہ کی حفاظت", "یقینی بنائیں کہ حفاظتی ریکارڈ مکمل ہوں اور تمام عملہ خدشات پر فوری عمل کرے۔"},
		"early-years":          {"ابتدائی سال", "ابتدائی سالوں کی تعلیم بہتر بنائیں تاکہ بچے پہلی جماعت کے لیے درکار زبان اور بات چیت کی مہارت حاصل کریں۔"},
		"personal-development": {"ذاتی نشوونما", "طلبہ کی ذاتی نشوونما مضبوط بنائیں، بشمول صحت مند تعلقات اور آن لائن محفوظ رہنے کی سمجھ۔"},
	},
	roles: map[string]string{
		"Headteacher": "ہیڈ ٹیچر", "Deputy headteacher": "نائب ہیڈ ٹیچر", "Reading lead": "پڑھائی کی نگران",
		"Maths lead": "ریاضی کے نگران", "SENCO": "SENCO کوآرڈینیٹر", "Chair of governors": "گورنرز کے چیئر",
		"Attendance officer": "حاضری افسر", "Local authority adviser": "مقامی حکومت کے مشیر",
	},
	measures: map[string]string{
		"Year 1 pupils passing the phonics screening check":                   "فونکس اسکریننگ چیک پاس کرنے والے پہلی جماعت کے طلبہ",
		"Pupils at the expected standard in reading":                          "پڑھائی میں متوقع معیار پر طلبہ",
		"Pupils at the expected standard in maths":                            "ریاضی میں متوقع معیار پر طلبہ",
		"Pupils' attendance (whole school)":                                   "طلبہ کی حاضری (پورا اسکول)",
		"Pupils who are persistently absent":                                  "مسلسل غیر حاضر رہنے والے طلبہ",
		"Lessons seen where pupils with SEND are well supported":              "دیکھے گئے اسباق جن میں SEND والے طلبہ کو اچھی مدد ملی",
		"Pupils with a support plan written with their family":                "وہ طلبہ جن کا مدد کا منصوبہ خاندان کے ساتھ لکھا گیا",
		"Pupils reading at the expected standard (Year 2 teacher assessment)": "متوقع معیار پر پڑھنے والے طلبہ (دوسری جماعت، استاد کا جائزہ)",
	},
	units: map[string]string{"pupils": "طلبہ", "days": "دن", "incidents": "واقعات"},
	questions: []string{
		"میرا بچہ اس اسکول میں خوش ہے۔",
		"میرا بچہ اس اسکول میں محفوظ محسوس کرتا ہے۔",
		"مجھے معلوم ہے کہ میرا بچہ پڑھائی میں کیسی ترقی کر رہا ہے۔",
		"اسکول مجھے اپنی تبدیلیوں کے بارے میں اچھی طرح آگاہ رکھتا ہے۔",
		"میرے بچے کی خصوصی تعلیمی ضروریات میں اچھی مدد کی جاتی ہے۔",
		"اسکول دھونس سے اچھی طرح نمٹتا ہے۔",
		"میں یہ اسکول دوسرے والدین کو تجویز کروں گا۔",
	},
	hows: map[string]string{
		questionnaireHow:                      "تمام والدین اور سرپرستوں کے لیے سوالنامہ (کاغذ پر اور آن لائن)",
		"Focus group at the community centre": "کمیونٹی سینٹر میں فوکس گروپ",
		"Suggestion box and texts":            "تجاویز کا ڈبہ اور ٹیکسٹ پیغامات",
		"Evening focus group":                 "شام کا فوکس گروپ",
		"Coffee morning":                      "صبح کی کافی پر ملاقات",
	},
	meetingTitles: map[string]string{
		"School Review Group":                                 "اسکول ریویو گروپ",
		"Coffee morning with the chair of governors":          "گورنرز کے چیئر کے ساتھ صبح کی کافی",
		"Focus group for parents and carers":                  "والدین اور سرپرستوں کے لیے فوکس گروپ",
		"Evening focus group":                                 "شام کا فوکس گروپ",
		"Focus group on SEND support":                         "SEND مدد پر فوکس گروپ",
		"Phonics workshop for parents and carers":             "والدین اور سرپرستوں کے لیے فونکس ورکشاپ",
		"Maths at home workshop":                              "گھر پر ریاضی کی ورکشاپ",
		"Online safety workshop":                              "آن لائن حفاظت کی ورکشاپ",
		"Meeting for parents and carers with the headteacher": "ہیڈ ٹیچر کے ساتھ والدین اور سرپرستوں کی میٹنگ",
		"Meeting about the inspection report":                 "معائنہ رپورٹ کے بارے میں میٹنگ",
		"Ofsted monitoring visit":                             "آفسٹیڈ کا نگرانی کا دورہ",
		"World Book Day: parents and carers welcome in class": "عالمی یومِ کتاب: والدین اور سرپرست کلاس میں آ سکتے ہیں",
		"Sports day":   "کھیلوں کا دن",
		"Open morning": "اوپن مارننگ",
	},
	rooms:    map[string]string{"Family room": "فیملی روم", "School hall": "اسکول ہال", "Library": "لائبریری", "Community centre": "کمیونٹی سینٹر"},
	stepFree: "سیڑھیوں کے بغیر رسائی۔",
	access: map[string]string{
		"Creche available.": "بچوں کی نگہداشت دستیاب ہے۔", "Interpreters on request.": "درخواست پر ترجمان دستیاب ہے۔",
		"Hearing loop in the hall.": "ہال میں ہیئرنگ لوپ موجود ہے۔", "Toddlers welcome.": "چھوٹے بچوں کو خوش آمدید۔",
	},
	pages: []sitePage{
		{"about", []byte(`---
title: اس ویب سائٹ کے بارے میں
summary: ہم کون ہیں، یہ ویب سائٹ کس لیے ہے اور اسکول کے پیرنٹ سپورٹ ایڈوائزر آپ کی کیسے مدد کر سکتے ہیں۔
---

ہم والدین اور سرپرستوں کے لیے ایک غیر جانبدار، رازدارانہ اور مفت خدمت ہیں۔ ہم کسی اسکول کا حصہ نہیں
اور آفسٹیڈ کے لیے کام نہیں کرتے۔

اس ویب سائٹ پر ہر اس اسکول کا صفحہ ہے جس کے بارے میں آفسٹیڈ نے کہا کہ اسے بہتری کی ضرورت ہے۔
[اس ویب سائٹ پر استعمال ہونے والے الفاظ](glossary.md) آسان زبان میں سمجھائے گئے ہیں، اور یہ بھی کہ
[معائنے کے بعد کیا ہوتا ہے](what-happens-after-an-inspection.md)۔
`)},
		{"accessibility", []byte(`---
title: رسائی کا بیان
summary: یہ ویب سائٹ کتنی قابلِ رسائی ہے اور کسی مسئلے کی اطلاع کیسے دیں۔
---

ہم چاہتے ہیں کہ زیادہ سے زیادہ لوگ یہ ویب سائٹ استعمال کر سکیں۔ آپ اسے 400% تک بڑا کر سکیں گے اور
متن اسکرین سے باہر نہیں جائے گا، اور زیادہ تر ویب سائٹ صرف کی بورڈ یا اسکرین ریڈر سے استعمال ہو سکتی ہے۔

اگر آپ کو کوئی مسئلہ ملے تو parent.partnership@example.org پر ای میل کریں۔
`)},
		{"what-happens-after-an-inspection", []byte(`---
title: معائنے کے بعد کیا ہوتا ہے
summary: آفسٹیڈ کے دورے کے بعد کے مراحل، اور والدین اور سرپرستوں کو ان کا کب پتا چلتا ہے۔
---

معائنے کے بعد اسکول کو رپورٹ کا مسودہ ملتا ہے اور وہ اس پر رائے دے سکتا ہے۔ رپورٹ دورے کے تقریباً
30 کام کے دنوں بعد شائع ہوتی ہے۔ اگر اسکول کو کسی زمرے میں رکھا جائے تو مقامی حکومت ایک لائحہ عمل
لکھتی ہے، اور معائنہ کار پیش رفت دیکھنے کے لیے واپس آتے ہیں۔

استعمال ہونے والے الفاظ کے لیے [لغت](glossary.md) دیکھیے۔
`)},
	},
}
