//! One table per row and rule of EXTRACTION.md's "Figures" section, with
//! sentences written for these tests.

use corpus_format::Span;
use corpus_stats::{
    Figure, FigureExtractor, FigureKind, FigureQualifier, figures, figures_excluding,
};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A figure in a compact, comparable form.
#[derive(Debug, PartialEq)]
struct F {
    text: String,
    kind: &'static str,
    value: Option<String>,
    qualifier: Option<&'static str>,
    unit: Option<String>,
    currency: Option<&'static str>,
}

fn compact(f: &Figure<'_>) -> F {
    F {
        text: f.text.to_string(),
        kind: f.kind.as_str(),
        value: f.value.map(|v| v.normalize().to_string()),
        qualifier: f.qualifier.map(FigureQualifier::as_str),
        unit: f.unit.map(str::to_string),
        currency: f.currency,
    }
}

fn found(text: &str) -> Vec<F> {
    let all: Vec<Figure<'_>> = figures_excluding(text, &[]).collect();
    for f in &all {
        assert_eq!(&text[f.span], f.text, "span of {:?} in {text:?}", f.text);
    }
    all.iter().map(compact).collect()
}

/// Texts of the figures found.
fn texts(text: &str) -> Vec<String> {
    found(text).into_iter().map(|f| f.text).collect()
}

/// The single figure whose text is `needle`.
fn the(text: &str, needle: &str) -> F {
    let all = found(text);
    let mut hits = all.into_iter().filter(|f| f.text == needle);
    let f = hits
        .next()
        .unwrap_or_else(|| panic!("{needle:?} not found in {text:?}: {:?}", texts(text)));
    assert!(hits.next().is_none(), "{needle:?} found twice in {text:?}");
    f
}

fn check(text: &str, needle: &str, kind: &str, value: Option<&str>) {
    let f = the(text, needle);
    assert_eq!(f.kind, kind, "kind of {needle:?} in {text:?}");
    assert_eq!(f.value.as_deref(), value, "value of {needle:?} in {text:?}");
}

#[test]
fn cardinal_row() {
    let rows: &[(&str, &str, &str)] = &[
        (
            "Officials counted 32,000 tents in the camp.",
            "32,000",
            "32000",
        ),
        ("A further 1,200 families arrived.", "1,200", "1200"),
        ("Four ambulances were hit.", "Four", "4"),
        (
            "Rescuers pulled twenty-one survivors out.",
            "twenty-one",
            "21",
        ),
        (
            "Aid for 1.5 million residents is stuck.",
            "1.5 million",
            "1500000",
        ),
        ("The convoy had 40 trucks.", "40", "40"),
        ("It took two hundred volunteers.", "two hundred", "200"),
        (
            "They found one hundred and fifty bodies.",
            "one hundred and fifty",
            "150",
        ),
        (
            "Crews cleared three thousand tonnes.",
            "three thousand",
            "3000",
        ),
        (
            "The fund holds 2 billion in reserves.",
            "2 billion",
            "2000000000",
        ),
        ("Exports reached 3bn last quarter.", "3bn", "3000000000"),
        ("Roughly a dozen shops reopened.", "a dozen", "12"),
        (
            "The city hosts half a million refugees.",
            "half a million",
            "500000",
        ),
        ("Temperatures fell to -5 overnight.", "-5", "-5"),
        ("Temperatures fell to minus 5 overnight.", "minus 5", "-5"),
        ("The balance was minus one.", "minus one", "-1"),
        ("The ratio was 0.1 on average.", "0.1", "0.1"),
        (
            "The budget was 1,234,567.89 in total.",
            "1,234,567.89",
            "1234567.89",
        ),
        ("Census data list 1,23,456 voters.", "1,23,456", "123456"),
        ("The list had zero entries.", "zero", "0"),
    ];
    for (text, needle, value) in rows {
        check(text, needle, "cardinal", Some(value));
    }
}

#[test]
fn ordinal_row() {
    let rows: &[(&str, &str, &str)] = &[
        ("It was the fourth raid this week.", "fourth", "4"),
        ("The 7th convoy left at dawn.", "7th", "7"),
        ("Marking the 21st anniversary of the siege.", "21st", "21"),
        ("The twenty-first report said so.", "twenty-first", "21"),
        ("The tenth ship docked.", "tenth", "10"),
        ("The 103rd session opened.", "103rd", "103"),
    ];
    for (text, needle, value) in rows {
        check(text, needle, "ordinal", Some(value));
        assert_eq!(
            the(text, needle).unit,
            None,
            "ordinals have no unit: {text:?}"
        );
    }
    // `first` and `second` are not reported.
    assert!(texts("The first convoy and the second convoy met.").is_empty());
    assert!(texts("Wait a second, she said.").is_empty());
}

#[test]
fn percent_row() {
    let rows: &[(&str, &str, &str)] = &[
        ("Nearly 90% of homes are damaged.", "90%", "90"),
        ("About 90 percent of homes are damaged.", "90 percent", "90"),
        (
            "Unemployment rose to 12.5 per cent last year.",
            "12.5 per cent",
            "12.5",
        ),
        ("Prices rose 7 % in a month.", "7 %", "7"),
        ("Only ten percent of wells work.", "ten percent", "10"),
    ];
    for (text, needle, value) in rows {
        check(text, needle, "percent", Some(value));
    }
}

#[test]
fn money_row() {
    let rows: &[(&str, &str, &str, &str)] = &[
        (
            "Washington pledged $3 billion in aid.",
            "$3 billion",
            "3000000000",
            "USD",
        ),
        ("Tickets cost €20 each.", "€20", "20", "EUR"),
        ("The fine was USD 400 per day.", "USD 400", "400", "USD"),
        (
            "He was paid 500 dollars for the photos.",
            "500 dollars",
            "500",
            "USD",
        ),
        ("The deal is worth £3bn.", "£3bn", "3000000000", "GBP"),
        (
            "Rent rose by 2,000 shekels.",
            "2,000 shekels",
            "2000",
            "ILS",
        ),
        (
            "A loan of US$ 4.7 billion was agreed.",
            "US$ 4.7 billion",
            "4700000000",
            "USD",
        ),
        (
            "Fares went up to 3 Egyptian pounds.",
            "3 Egyptian pounds",
            "3",
            "EGP",
        ),
        ("Bread costs 10 € now.", "10 €", "10", "EUR"),
        ("A stamp costs 34 cents.", "34 cents", "0.34", "USD"),
        (
            "The fee was 20 dollars 43 cents.",
            "20 dollars 43 cents",
            "20.43",
            "USD",
        ),
        (
            "Salaries of 1,000 Swiss francs were cut.",
            "1,000 Swiss francs",
            "1000",
            "CHF",
        ),
    ];
    for (text, needle, value, currency) in rows {
        let f = the(text, needle);
        assert_eq!(f.kind, "money", "{text:?}");
        assert_eq!(f.value.as_deref(), Some(*value), "{text:?}");
        assert_eq!(f.currency, Some(*currency), "{text:?}");
    }
    // A weight is not money.
    assert_eq!(
        the("They seized 500 pounds of explosives.", "500").kind,
        "cardinal"
    );
}

#[test]
fn vague_row() {
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "The war has killed thousands of children.",
            "thousands",
            Some("children"),
        ),
        ("Hundreds gathered outside the hospital.", "Hundreds", None),
        ("Dozens of homes were flattened.", "Dozens", Some("homes")),
        (
            "Tens of thousands of people fled south.",
            "Tens of thousands",
            Some("people"),
        ),
        (
            "Hundreds of thousands lack water.",
            "Hundreds of thousands",
            None,
        ),
        (
            "Several hundred soldiers were deployed.",
            "Several hundred",
            Some("soldiers"),
        ),
    ];
    for (text, needle, unit) in rows {
        let f = the(text, needle);
        assert_eq!(f.kind, "vague", "{text:?}");
        assert_eq!(f.value, None, "{text:?}");
        assert_eq!(f.unit.as_deref(), *unit, "{text:?}");
    }
    // `tens` alone is not an amount.
    assert!(texts("The tens column was wrong.").is_empty());
}

#[test]
fn qualifier_rule() {
    let rows: &[(&str, &str, Option<&str>)] = &[
        ("The toll rose to over 500 people.", "500", Some("over")),
        ("The toll is more than 500 people.", "500", Some("over")),
        ("The toll stood above 500 people.", "500", Some("over")),
        ("A toll exceeding 500 people.", "500", Some("over")),
        ("At least 500 people died.", "500", Some("at_least")),
        ("About 500 people died.", "500", Some("about")),
        ("Around 500 people died.", "500", Some("about")),
        ("Nearly 500 people died.", "500", Some("about")),
        ("Almost 500 people died.", "500", Some("about")),
        ("Approximately 500 people died.", "500", Some("about")),
        ("Some 500 people died.", "500", Some("about")),
        ("Roughly 500 people died.", "500", Some("about")),
        ("An estimated 500 people died.", "500", Some("about")),
        ("Under 500 people voted.", "500", Some("under")),
        ("Fewer than 500 people voted.", "500", Some("under")),
        ("Less than 500 people voted.", "500", Some("under")),
        ("Turnout fell below 500 people.", "500", Some("under")),
        ("Up to 500 people may be trapped.", "500", Some("up_to")),
        ("As many as 500 people may be trapped.", "500", None),
        ("The strikes went on over 52 days.", "52", None),
        ("Over $2 billion was pledged.", "$2 billion", Some("over")),
        ("Nearly 90% of homes are damaged.", "90%", Some("about")),
    ];
    for (text, needle, qualifier) in rows {
        assert_eq!(the(text, needle).qualifier, *qualifier, "{text:?}");
    }
    // The qualifier is kept out of the text.
    assert_eq!(texts("more than 74,000 were injured"), ["74,000"]);
}

#[test]
fn unit_rule() {
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "claiming over 32,000 Palestinian lives, factions said",
            "32,000",
            Some("Palestinian lives"),
        ),
        (
            "including at least 15,000 children, officials said",
            "15,000",
            Some("children"),
        ),
        (
            "Four drone strikes were part of it.",
            "Four",
            Some("drone strikes"),
        ),
        ("Three of these strikes hit the south.", "Three", None),
        ("The siege lasted 55 days.", "55", Some("days")),
        ("Officials said 15 killed in the blast.", "15", None),
        ("Police arrested 3 armed men.", "3", Some("armed men")),
        ("Gunmen seized about 250 taken hostage.", "250", None),
        (
            "They found 40 wounded civilians.",
            "40",
            Some("wounded civilians"),
        ),
        ("They dropped 2,000-pound bombs.", "2,000", None),
        (
            "The camp holds 40 long-range missiles.",
            "40",
            Some("long-range missiles"),
        ),
        ("more than 74,000.", "74,000", None),
        ("He saw 7 tanks, 3 jeeps and a truck.", "7", Some("tanks")),
    ];
    for (text, needle, unit) in rows {
        assert_eq!(the(text, needle).unit.as_deref(), *unit, "{text:?}");
    }
    // Never longer than three words.
    let f = the("They built 12 very large new concrete shelters.", "12");
    assert!(
        f.unit.as_deref().is_none_or(|u| u.split(' ').count() <= 3),
        "{f:?}"
    );
}

#[test]
fn one_rule() {
    assert_eq!(
        the("The actions of one group can provoke others.", "one")
            .unit
            .as_deref(),
        Some("group")
    );
    assert_eq!(
        the("One soldier was wounded.", "One").value.as_deref(),
        Some("1")
    );
    for text in [
        "The fourth one targeted the Golan Heights.",
        "Not one of them survived.",
        "Every one of the wells is dry.",
        "No one was hurt.",
        "This one is larger.",
        "They helped one another.",
        "It was a one-sided fight.",
    ] {
        assert!(
            found(text).iter().all(|f| f.text.to_lowercase() != "one"),
            "`one` reported in {text:?}"
        );
    }
    // The ordinal before the pronoun is still reported.
    assert_eq!(texts("the fourth one targeted"), ["fourth"]);
}

#[test]
fn joined_numbers_rule() {
    assert_eq!(texts("The vote passed 9 to 4."), ["9", "4"]);
    assert_eq!(texts("Adults aged 40 to 69 were screened."), ["40", "69"]);
    assert_eq!(texts("Adults aged 40-69 were screened."), ["40", "69"]);
    assert_eq!(texts("Between 10 and 20 trucks"), ["10", "20"]);
    for f in found("Adults aged 40 to 69 were screened.") {
        assert_eq!(f.kind, "cardinal");
    }
}

#[test]
fn four_digit_rule() {
    let f = the("Soldiers filled about 1500 sandbags.", "1500");
    assert_eq!(
        (f.kind, f.value.as_deref(), f.qualifier),
        ("cardinal", Some("1500"), Some("about"))
    );
    assert_eq!(texts("The ministry counted 2024 tents."), ["2024"]);
    for text in [
        "The plan was drafted in 2022.",
        "It has been blockaded since 2019.",
        "The wall will be finished by 2026.",
        "Fighting continued until 2021.",
        "The summer of 2014 was deadly.",
        "Elections are due in late 2025.",
        "The plant closed in early 2020.",
        "The year 2023 was the deadliest.",
        "The truce held from 2019 to 2022.",
        "The 2019-2022 survey ended.",
        "The 2022-23 budget passed.",
        "He served during 1990.",
    ] {
        assert!(texts(text).is_empty(), "{text:?} -> {:?}", texts(text));
    }
}

#[test]
fn not_dates() {
    for text in [
        "Strikes resumed on March 24.",
        "The strike on March 26, 2024 killed many.",
        "They met on 26 March.",
        "They met on 26 March 2024.",
        "The attack of Oct. 7 shocked the region.",
        "Since October 7th the crossings are shut.",
        "Since the 7th of October the crossings are shut.",
        "Talks ran March 26-27 in Cairo.",
        "Talks ran 26-27 March in Cairo.",
        "The report of March 2024 said so.",
        "The date was 2024-03-25.",
        "The date was 25/03/2024.",
        "It was the 21st century.",
    ] {
        assert!(texts(text).is_empty(), "{text:?} -> {:?}", texts(text));
    }
    // Numbers around a date are still figures.
    assert_eq!(texts("On March 24, 40 rockets were fired."), ["40"]);
    assert_eq!(texts("May 5 people join? Yes, 5 people did."), ["5"]);
}

#[test]
fn not_times() {
    for text in [
        "Sirens sounded at 04:30 local time.",
        "The meeting starts at 3 p.m. sharp.",
        "The curfew begins at 10 am daily.",
        "The curfew begins at 10pm daily.",
        "The curfew begins at 2200 GMT daily.",
        "Shelling began at four o'clock.",
    ] {
        assert!(texts(text).is_empty(), "{text:?} -> {:?}", texts(text));
    }
}

#[test]
fn not_names_or_identifiers() {
    for text in [
        "Israel used F-16 jets.",
        "The COVID-19 wards are full.",
        "Channel 12 reported it first.",
        "The council passed Resolution 2728 on Monday.",
        "Leaders of the G7 met.",
        "The 5G network is down.",
        "PM2.5 levels are high.",
        "Many have type 2 diabetes.",
        "On Day 170 of the war, talks resumed.",
        "It was listed as No. 5 on the agenda.",
        "Tag #12 was missing.",
        "The Apollo 11 crew landed.",
        "Version 1.2.3 was released.",
    ] {
        assert!(texts(text).is_empty(), "{text:?} -> {:?}", texts(text));
    }
    // A title-case headline keeps its count.
    assert_eq!(texts("Strikes Kill 12 Civilians"), ["12"]);
}

#[test]
fn not_list_markers_or_phones() {
    assert!(texts("1. Open the crossings\n2. Release the hostages").is_empty());
    assert_eq!(
        texts("Demands:\n1) a ceasefire\n2) 500 trucks a day"),
        ["500"]
    );
    assert!(texts("In an emergency call 112 at once.").is_empty());
    assert!(
        texts("People should dial 911 or 999.").is_empty(),
        "{:?}",
        texts("People should dial 911 or 999.")
    );
    assert!(texts("Reach them at +44 20 7946 0958.").is_empty());
    assert!(texts("Reach them at 020-7946-0958.").is_empty());
    assert!(texts("Point (3) of the plan").is_empty());
}

#[test]
fn separators_rule() {
    check(
        "Officials counted 32 700 tents.",
        "32 700",
        "cardinal",
        Some("32700"),
    );
    check(
        "Officials counted 32\u{2009}700 tents.",
        "32\u{2009}700",
        "cardinal",
        Some("32700"),
    );
    check(
        "Officials counted 32\u{202f}700 tents.",
        "32\u{202f}700",
        "cardinal",
        Some("32700"),
    );
    check(
        "Officials counted 1\u{a0}000\u{a0}000 tents.",
        "1\u{a0}000\u{a0}000",
        "cardinal",
        Some("1000000"),
    );
    check(
        "Officials counted 1.5 tents.",
        "1.5",
        "cardinal",
        Some("1.5"),
    );
    // Malformed groupings are not reported at all.
    assert!(texts("The code 1,23,4 is malformed.").is_empty());
    assert!(texts("The code 12,5 is malformed.").is_empty());
    // A comma and a space separate numbers.
    assert_eq!(texts("In 2020, 500 families left."), ["500"]);
    // Two groups of other lengths are two numbers.
    assert_eq!(texts("Buses 12 1234"), ["12", "1234"]);
}

#[test]
fn seed_phrasings() {
    let text = "Amid the assault, claiming over 32,000 Palestinian lives, factions struck back. \
                It has claimed over 32,700 Palestinian lives, including at least 15,000 children, \
                and injured more than 74,000. Four drone strikes were part of this operation. \
                Three of these strikes took place in the south, while the fourth one targeted \
                the north, including thousands of children.";
    let got = found(text);
    let want = [
        (
            "32,000",
            "cardinal",
            Some("32000"),
            Some("over"),
            Some("Palestinian lives"),
        ),
        (
            "32,700",
            "cardinal",
            Some("32700"),
            Some("over"),
            Some("Palestinian lives"),
        ),
        (
            "15,000",
            "cardinal",
            Some("15000"),
            Some("at_least"),
            Some("children"),
        ),
        ("74,000", "cardinal", Some("74000"), Some("over"), None),
        ("Four", "cardinal", Some("4"), None, Some("drone strikes")),
        ("Three", "cardinal", Some("3"), None, None),
        ("fourth", "ordinal", Some("4"), None, None),
        ("thousands", "vague", None, None, Some("children")),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, (text, kind, value, qualifier, unit)) in got.iter().zip(want) {
        assert_eq!(g.text, text);
        assert_eq!(g.kind, kind, "{text}");
        assert_eq!(g.value.as_deref(), value, "{text}");
        assert_eq!(g.qualifier, qualifier, "{text}");
        assert_eq!(g.unit.as_deref(), unit, "{text}");
    }
}

#[test]
fn serde_shape() {
    let text = "at least 32,300 people, 1.5 million homes and 12.5% of land";
    let json: Vec<serde_json::Value> = figures_excluding(text, &[])
        .map(|f| serde_json::to_value(&f).expect("serializable"))
        .collect();
    assert_eq!(json.len(), 3);
    assert_eq!(json[0]["kind"], "cardinal");
    assert_eq!(json[0]["qualifier"], "at_least");
    assert_eq!(json[0]["value"], serde_json::json!(32300));
    assert!(json[0]["value"].is_u64() || json[0]["value"].is_i64());
    assert_eq!(json[0]["span"], serde_json::json!({"start": 9, "end": 15}));
    assert_eq!(json[0]["currency"], serde_json::Value::Null);
    assert_eq!(json[1]["value"], serde_json::json!(1500000));
    assert_eq!(json[2]["kind"], "percent");
    assert_eq!(json[2]["value"], serde_json::json!(12.5));
    assert_eq!(json[2]["unit"], serde_json::Value::Null);
    let printed = serde_json::to_string(&json[2]["value"]).expect("printable");
    assert_eq!(printed, "12.5");
    let vague: Vec<_> = figures_excluding("thousands fled", &[]).collect();
    assert_eq!(
        serde_json::to_value(&vague[0]).expect("serializable")["value"],
        serde_json::Value::Null
    );
    assert_eq!(
        serde_json::to_value(FigureKind::Money).expect("ok"),
        "money"
    );
    assert_eq!(
        serde_json::to_value(FigureQualifier::UpTo).expect("ok"),
        "up_to"
    );
}

#[test]
fn exact_values() {
    let f: Vec<_> = figures_excluding("a 0.1 share and 32,700 people", &[]).collect();
    assert_eq!(f[0].value, Some(Decimal::from_str("0.1").expect("decimal")));
    assert_eq!(f[1].value, Some(Decimal::from(32_700)));
}

#[test]
fn exclusion_and_dates() {
    let text = "On March 24, 2024, 40 rockets hit; 12 more fell.";
    // `figures` leaves out date mentions found by the date extractor.
    let all: Vec<_> = figures(text).map(|f| f.text).collect();
    assert_eq!(all, ["40", "12"]);
    // Caller-given spans are left out, in any order.
    let start = text.find("12").expect("present");
    let spans = [Span::new(start, start + 2), Span::new(0, 2)];
    let rest: Vec<_> = figures_excluding(text, &spans).map(|f| f.text).collect();
    assert_eq!(rest, ["40"]);
    let rest: Vec<_> = FigureExtractor::new()
        .excluding(&spans)
        .figures(text)
        .map(|f| f.text)
        .collect();
    assert_eq!(rest, ["40"]);
}

#[test]
fn hostile_inputs_do_not_stall_or_report_garbage() {
    let commas = "1,".repeat(10_000);
    assert!(texts(&commas).is_empty());
    let hedges = "over more than at least ".repeat(1_000) + "5 people";
    assert_eq!(texts(&hedges), ["5"]);
    let ones = "one ".repeat(5_000);
    assert!(texts(&ones).is_empty());
    let long = "a".repeat(100_000) + " 7 cats";
    assert_eq!(texts(&long), ["7"]);
}

#[test]
fn halves_in_words() {
    check(
        "The war displaced two and a half million people.",
        "two and a half million",
        "cardinal",
        Some("2500000"),
    );
    check(
        "It lasted three and a half years.",
        "three and a half",
        "cardinal",
        Some("3.5"),
    );
    check(
        "It lasted two point five years.",
        "two point five",
        "cardinal",
        Some("2.5"),
    );
    // `and` between two counts is not a half.
    assert_eq!(texts("Four tanks and a truck"), ["Four"]);
}

#[test]
fn signs_shared_by_neighbours() {
    assert_eq!(texts("Prices: 10 € 20 € 30 €"), ["10 €", "20 €", "30 €"]);
    assert_eq!(texts("1€\u{202f}1\u{202f}"), ["1€", "1"]);
}

#[test]
fn fractions_and_powers_are_not_reported() {
    for text in [
        "One fifth of the land was seized.",
        "Two thirds of homes are gone.",
        "Five and a quarter tonnes arrived.",
        "It grew by a third.",
        "The value was 1.1^23 or 2.5^-1.",
    ] {
        assert!(texts(text).is_empty(), "{text:?} -> {:?}", texts(text));
    }
    // A second is time, not a fraction: `one second` counts seconds.
    let f = the("It lasted one second, no more.", "one");
    assert_eq!(f.unit.as_deref(), Some("second"));
}
