//! One table per rule of EXTRACTION.md's "Date mentions" section, with
//! sentences written for these tests. Each row lists every mention the
//! sentence must yield, in order: `(text, kind, value)`.

use chrono::NaiveDate;
use corpus_stats::{DateKind, DateMention, DateValue, date_mentions};

type Row = (
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, DateKind, Option<&'static str>)],
);

use DateKind::{Date, Month, Range, Relative, Weekday, Year};

const REF: Option<&str> = Some("2024-03-26"); // a Tuesday

fn check(rows: &[Row]) {
    for &(sentence, reference, expected) in rows {
        let reference = reference.map(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").unwrap());
        let got: Vec<(&str, DateKind, Option<String>)> = date_mentions(sentence, reference)
            .map(|m| (m.text, m.kind, m.value.map(|v| v.to_string())))
            .collect();
        let want: Vec<(&str, DateKind, Option<String>)> = expected
            .iter()
            .map(|&(t, k, v)| (t, k, v.map(str::to_owned)))
            .collect();
        assert_eq!(got, want, "sentence: {sentence:?}");
    }
}

#[test]
fn kind_date() {
    check(&[
        (
            "On March 24, strategic operations began.",
            Some("2024-03-25"),
            &[("March 24", Date, Some("2024-03-24"))],
        ),
        (
            "Talks resumed on 24 March 2024 in Doha.",
            None,
            &[("24 March 2024", Date, Some("2024-03-24"))],
        ),
        (
            "The strike on March 26, 2024, hit a depot.",
            None,
            &[("March 26, 2024", Date, Some("2024-03-26"))],
        ),
        (
            "Since Oct. 7 the border has been shut.",
            REF,
            &[("Oct. 7", Date, Some("2023-10-07"))],
        ),
        (
            "Since Oct 7 the border has been shut.",
            REF,
            &[("Oct 7", Date, Some("2023-10-07"))],
        ),
        (
            "It began on October 7th with rockets.",
            REF,
            &[("October 7th", Date, Some("2023-10-07"))],
        ),
        (
            "The report is dated 2024-03-25 and signed.",
            None,
            &[("2024-03-25", Date, Some("2024-03-25"))],
        ),
        (
            "It began on the 7th of October.",
            REF,
            &[("the 7th of October", Date, Some("2023-10-07"))],
        ),
        (
            "It began on 7th of October.",
            REF,
            &[("7th of October", Date, Some("2023-10-07"))],
        ),
        (
            "Polls close Sept. 11 and Sep 12.",
            REF,
            &[
                ("Sept. 11", Date, Some("2024-09-11")),
                ("Sep 12", Date, Some("2024-09-12")),
            ],
        ),
        (
            "He was born on the first of March 1990.",
            None,
            &[("the first of March 1990", Date, Some("1990-03-01"))],
        ),
        (
            "Tuesday, March 26, 2024 was quiet.",
            None,
            &[("Tuesday, March 26, 2024", Date, Some("2024-03-26"))],
        ),
        (
            "It was signed in June last year.",
            REF,
            &[("June last year", Month, Some("2023-06"))],
        ),
        (
            "The vote on April 24 and 25 drew crowds.",
            REF,
            &[
                ("April 24", Date, Some("2024-04-24")),
                ("25", Date, Some("2024-04-25")),
            ],
        ),
    ]);
}

#[test]
fn kind_month() {
    check(&[
        (
            "Prices rose in March 2024 again.",
            None,
            &[("March 2024", Month, Some("2024-03"))],
        ),
        (
            "Fighting intensified in early March.",
            REF,
            &[("early March", Month, Some("2024-03"))],
        ),
        (
            "Aid arrived by mid-March.",
            REF,
            &[("mid-March", Month, Some("2024-03"))],
        ),
        (
            "The ceasefire collapsed in December.",
            REF,
            &[("December", Month, Some("2023-12"))],
        ),
        (
            "Elections were held in late November.",
            REF,
            &[("late November", Month, Some("2023-11"))],
        ),
        (
            "Elections are due in late August.",
            REF,
            &[("late August", Month, Some("2024-08"))],
        ),
        (
            "Sales fell last month.",
            REF,
            &[("last month", Month, Some("2024-02"))],
        ),
        (
            "It happened last March, not this one.",
            REF,
            &[("last March", Month, Some("2023-03"))],
        ),
    ]);
}

#[test]
fn kind_year() {
    check(&[
        (
            "The war started in 2022.",
            None,
            &[("2022", Year, Some("2022"))],
        ),
        (
            "Growth slowed in late 2022.",
            None,
            &[("late 2022", Year, Some("2022"))],
        ),
        (
            "It rose earlier this year and may fall early next year.",
            REF,
            &[
                ("earlier this year", Year, Some("2024")),
                ("early next year", Year, Some("2025")),
            ],
        ),
        (
            "It was the year 2023 that changed it.",
            None,
            &[("the year 2023", Year, Some("2023"))],
        ),
        (
            "Output should recover by mid-2025.",
            None,
            &[("mid-2025", Year, Some("2025"))],
        ),
        (
            "Exports fell last year and may grow next year.",
            REF,
            &[
                ("last year", Year, Some("2023")),
                ("next year", Year, Some("2025")),
            ],
        ),
        (
            "The plant has run since 1998 and until 2030.",
            None,
            &[("1998", Year, Some("1998")), ("2030", Year, Some("2030"))],
        ),
        (
            "Cases rose between 1994 and 1997.",
            None,
            &[("1994", Year, Some("1994")), ("1997", Year, Some("1997"))],
        ),
    ]);
}

#[test]
fn kind_weekday() {
    check(&[
        (
            "The raid came on Friday.",
            REF,
            &[("Friday", Weekday, Some("2024-03-22"))],
        ),
        (
            "The raid came last Friday.",
            REF,
            &[("last Friday", Weekday, Some("2024-03-22"))],
        ),
        (
            "Talks resume next Friday.",
            REF,
            &[("next Friday", Weekday, Some("2024-03-29"))],
        ),
        (
            "Officials said on Tuesday that aid was blocked.",
            REF,
            &[("Tuesday", Weekday, Some("2024-03-26"))],
        ),
    ]);
}

#[test]
fn kind_relative() {
    check(&[(
        "Today the council meets; yesterday it did not, and tomorrow it may.",
        REF,
        &[
            ("Today", Relative, Some("2024-03-26")),
            ("yesterday", Relative, Some("2024-03-25")),
            ("tomorrow", Relative, Some("2024-03-27")),
        ],
    )]);
}

#[test]
fn kind_range() {
    check(&[
        (
            "Strikes on March 26-27 hit the port.",
            REF,
            &[("March 26-27", Range, Some("2024-03-26/2024-03-27"))],
        ),
        (
            "Aid flowed from March 1 to March 5.",
            REF,
            &[(
                "from March 1 to March 5",
                Range,
                Some("2024-03-01/2024-03-05"),
            )],
        ),
        (
            "Aid flowed from March 1 to 5, 2023.",
            None,
            &[(
                "from March 1 to 5, 2023",
                Range,
                Some("2023-03-01/2023-03-05"),
            )],
        ),
        (
            "The summit ran 26-27 March.",
            REF,
            &[("26-27 March", Range, Some("2024-03-26/2024-03-27"))],
        ),
        (
            "The fair runs March 30 - April 2.",
            REF,
            &[("March 30 - April 2", Range, Some("2024-03-30/2024-04-02"))],
        ),
        (
            "Rain fell from December 30 to January 2.",
            Some("2024-01-10"),
            &[(
                "from December 30 to January 2",
                Range,
                Some("2023-12-30/2024-01-02"),
            )],
        ),
        (
            "Prices rose from March to May.",
            REF,
            &[("from March to May", Range, Some("2024-03-01/2024-05-31"))],
        ),
    ]);
}

#[test]
fn resolution_closest_year() {
    check(&[
        (
            "The attack of October 7 was recalled.",
            REF,
            &[("October 7", Date, Some("2023-10-07"))],
        ),
        (
            "The meeting of March 27 is set.",
            REF,
            &[("March 27", Date, Some("2024-03-27"))],
        ),
        (
            "Shelling resumed on December 30.",
            Some("2024-01-02"),
            &[("December 30", Date, Some("2023-12-30"))],
        ),
        (
            "A vote is planned for January 3.",
            Some("2023-12-28"),
            &[("January 3", Date, Some("2024-01-03"))],
        ),
        (
            "They met in October.",
            REF,
            &[("October", Month, Some("2023-10"))],
        ),
        (
            "Leap day, February 29, came.",
            Some("2024-03-01"),
            &[("February 29", Date, Some("2024-02-29"))],
        ),
    ]);
}

#[test]
fn resolution_weekdays() {
    // 2024-03-26 is a Tuesday.
    check(&[
        (
            "It met this past Wednesday.",
            REF,
            &[("this past Wednesday", Weekday, Some("2024-03-20"))],
        ),
        (
            "It meets this coming Tuesday.",
            REF,
            &[("this coming Tuesday", Weekday, Some("2024-04-02"))],
        ),
        (
            "It met the previous Friday.",
            REF,
            &[("previous Friday", Weekday, Some("2024-03-22"))],
        ),
        (
            "It opened Tuesday.",
            REF,
            &[("Tuesday", Weekday, Some("2024-03-26"))],
        ),
        (
            "It opened last Tuesday.",
            REF,
            &[("last Tuesday", Weekday, Some("2024-03-19"))],
        ),
        (
            "It opens next Tuesday.",
            REF,
            &[("next Tuesday", Weekday, Some("2024-04-02"))],
        ),
        (
            "It opened Wednesday.",
            REF,
            &[("Wednesday", Weekday, Some("2024-03-20"))],
        ),
        (
            "It opens next Wednesday.",
            REF,
            &[("next Wednesday", Weekday, Some("2024-03-27"))],
        ),
        (
            "It opened last Monday.",
            REF,
            &[("last Monday", Weekday, Some("2024-03-25"))],
        ),
    ]);
}

#[test]
fn resolution_without_reference() {
    check(&[
        (
            "Strikes against Friday prayers were condemned.",
            None,
            &[("Friday", Weekday, None)],
        ),
        (
            "The truce of March 26, 2024 held.",
            None,
            &[("March 26, 2024", Date, Some("2024-03-26"))],
        ),
        ("It began October 7.", None, &[("October 7", Date, None)]),
        (
            "It ends today, not next year.",
            None,
            &[("today", Relative, None), ("next year", Year, None)],
        ),
        (
            "Aid came March 26-27.",
            None,
            &[("March 26-27", Range, None)],
        ),
        (
            "Aid came in 2022 and in May 2023.",
            None,
            &[
                ("2022", Year, Some("2022")),
                ("May 2023", Month, Some("2023-05")),
            ],
        ),
        (
            "It was signed in December.",
            None,
            &[("December", Month, None)],
        ),
    ]);
}

#[test]
fn years_need_a_date_context() {
    check(&[
        ("They filled about 1500 sandbags.", None, &[]),
        ("A total of 2024 people signed.", None, &[]),
        ("Room 2024 is on the left.", None, &[]),
        ("In 3000 years nothing will remain.", None, &[]),
        (
            "They came early 1999 and left late 1999.",
            None,
            &[
                ("early 1999", Year, Some("1999")),
                ("late 1999", Year, Some("1999")),
            ],
        ),
        ("Costs are 2024% higher in 2020s reports.", None, &[]),
        (
            "He recalled the 1996 Olympic bombing and a 1996 law.",
            None,
            &[("1996", Year, Some("1996")), ("1996", Year, Some("1996"))],
        ),
        (
            "Israel's 2024 budget passed.",
            None,
            &[("2024", Year, Some("2024"))],
        ),
        (
            "Sales rose in fiscal 1989.",
            None,
            &[("fiscal 1989", Year, Some("1989"))],
        ),
        (
            "They sent the 2000 troops home with 1500 rifles.",
            None,
            &[],
        ),
        (
            "Profit fell from 1996 and rose for 1997.",
            None,
            &[("1996", Year, Some("1996")), ("1997", Year, Some("1997"))],
        ),
        ("Sales in 2000 cases fell.", None, &[]),
        ("The 2023-24 season ended.", None, &[]),
    ]);
}

#[test]
fn not_mentions() {
    check(&[
        (
            "The sirens sounded at 04:30 and again at 3 p.m. local time.",
            REF,
            &[],
        ),
        ("The siege lasted 55 days.", REF, &[]),
        (
            "In recent months, this week and this month, prices rose.",
            REF,
            &[],
        ),
        ("On Day 170 of the war, the convoy moved.", REF, &[]),
        ("Crowds gathered on Good Friday and Black Friday.", REF, &[]),
        ("The F-16 and COVID-19 stories ran on Channel 12.", REF, &[]),
        ("Prices rose 3.5% to $2024.", REF, &[]),
        ("The March on Washington was remembered.", REF, &[]),
        ("Analysts remarked that Decision Day mattered.", REF, &[]),
        ("May Day parades were held.", REF, &[]),
    ]);
}

#[test]
fn case_and_ambiguous_month_words() {
    check(&[
        ("Officials may decide soon.", REF, &[]),
        ("May I ask a question?", REF, &[]),
        ("March was the wettest month.", REF, &[]),
        ("Troops march north.", REF, &[]),
        (
            "The March accession was approved.",
            REF,
            &[("March", Month, Some("2024-03"))],
        ),
        (
            "Voters await the May elections.",
            REF,
            &[("May", Month, Some("2024-05"))],
        ),
        (
            "Talks end this September.",
            Some("2024-02-05"),
            &[("this September", Month, Some("2024-09"))],
        ),
        ("April Ryan asked the question.", REF, &[]),
        ("Residents fled Hurricane June quickly.", REF, &[]),
        (
            "Filed on 14 nov 2023 late.",
            None,
            &[("14 nov 2023", Date, Some("2023-11-14"))],
        ),
        ("USA Today reported it first.", REF, &[]),
        ("He told the Sun.", REF, &[]),
        (
            "The talks in May were tense.",
            REF,
            &[("May", Month, Some("2024-05"))],
        ),
        (
            "October was the deadliest month.",
            REF,
            &[("October", Month, Some("2023-10"))],
        ),
        (
            "The deal was signed march 3 in secret.",
            REF,
            &[("march 3", Date, Some("2024-03-03"))],
        ),
        (
            "The sun was out on Sat. and Sun. evening.",
            REF,
            &[
                ("Sat.", Weekday, Some("2024-03-23")),
                ("Sun.", Weekday, Some("2024-03-24")),
            ],
        ),
    ]);
}

#[test]
fn numeric_dates() {
    check(&[
        (
            "Filed 3/24/2024 in court.",
            None,
            &[("3/24/2024", Date, Some("2024-03-24"))],
        ),
        (
            "Filed 24/3/2024 in court.",
            None,
            &[("24/3/2024", Date, Some("2024-03-24"))],
        ),
        ("Filed 3/4/2024 in court.", None, &[]),
        (
            "Filed 5/5/2024 in court.",
            None,
            &[("5/5/2024", Date, Some("2024-05-05"))],
        ),
        (
            "Filed 13.5.2015 in court.",
            None,
            &[("13.5.2015", Date, Some("2015-05-13"))],
        ),
        (
            "Filed 05.03.2024 in court.",
            None,
            &[("05.03.2024", Date, Some("2024-03-05"))],
        ),
        (
            "Filed 10.31.1974 in court.",
            None,
            &[("10.31.1974", Date, Some("1974-10-31"))],
        ),
        ("Filed 2024-02-30 in court.", None, &[]),
        (
            "Posted 2024-03-25T10:00:00Z by staff.",
            None,
            &[("2024-03-25", Date, Some("2024-03-25"))],
        ),
        ("Version 1.2.2024.5 shipped.", None, &[]),
    ]);
}

#[test]
fn text_excludes_prepositions_keeps_modifiers() {
    check(&[
        (
            "on March 24",
            REF,
            &[("March 24", Date, Some("2024-03-24"))],
        ),
        (
            "since October 7",
            REF,
            &[("October 7", Date, Some("2023-10-07"))],
        ),
        ("until 2025", REF, &[("2025", Year, Some("2025"))]),
        ("by late 2022", REF, &[("late 2022", Year, Some("2022"))]),
        (
            "of last Friday",
            REF,
            &[("last Friday", Weekday, Some("2024-03-22"))],
        ),
        (
            "between March 1 and March 5",
            REF,
            &[("March 1 and March 5", Range, Some("2024-03-01/2024-03-05"))],
        ),
    ]);
}

#[test]
fn whitespace_inside_expressions() {
    check(&[
        (
            "It began on March\n24 with\u{a0}rockets.",
            REF,
            &[("March\n24", Date, Some("2024-03-24"))],
        ),
        (
            "Aid came on October  7, 2023.",
            None,
            &[("October  7, 2023", Date, Some("2023-10-07"))],
        ),
        // A paragraph break ends an expression.
        (
            "It happened in March\n\n24 people died.",
            REF,
            &[("March", Month, Some("2024-03"))],
        ),
    ]);
}

#[test]
fn spans_slice_to_text_and_serialize() {
    let text = "Aid came on March 24 and in 2022, but not against Friday.";
    let found: Vec<DateMention<'_>> = date_mentions(text, None).collect();
    assert_eq!(found.len(), 3);
    for m in &found {
        assert_eq!(&text[m.span.start..m.span.end], m.text);
    }
    let json = serde_json::to_value(found[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"span": {"start": 12, "end": 20}, "text": "March 24", "kind": "date", "value": null})
    );
    let json = serde_json::to_value(found[1]).unwrap();
    assert_eq!(json["kind"], "year");
    assert_eq!(json["value"], "2022");
}

#[test]
fn values_display_and_month_key() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let cases = [
        (
            DateValue::Day(d("2024-03-05")),
            "2024-03-05",
            Some((2024, 3)),
        ),
        (
            DateValue::Month {
                year: 2023,
                month: 12,
            },
            "2023-12",
            Some((2023, 12)),
        ),
        (DateValue::Year(999 + 1023), "2022", None),
        (
            DateValue::Range(d("2024-03-26"), d("2024-04-02")),
            "2024-03-26/2024-04-02",
            Some((2024, 3)),
        ),
    ];
    for (v, shown, key) in cases {
        assert_eq!(v.to_string(), shown);
        assert_eq!(v.month_key(), key);
        assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(shown));
    }
    let kinds = [
        (Date, "date"),
        (Month, "month"),
        (Year, "year"),
        (Weekday, "weekday"),
        (Relative, "relative"),
        (Range, "range"),
    ];
    for (k, s) in kinds {
        assert_eq!(serde_json::to_value(k).unwrap(), serde_json::json!(s));
    }
}
