//! Property tests of the readers of outside data: any bytes given to the contacts import end in
//! rows or in an error, never a panic; so do the CSV reader, the vCard reader and the character
//! set detection on their own, and every fixture file truncated, with bytes inserted, or
//! written in another character set. Folio's own CSV and vCard read back what they wrote.
//! 2,000 cases each by default; `PROPTEST_CASES=100000` for a long run.

use super::charset::{decode_file, eight_bit_lines, guess, oddness, quoted_printable};
use super::*;
use crate::domain::contact::{Contact, Labelled};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The number of cases: `PROPTEST_CASES` when set, else 2,000.
fn config() -> ProptestConfig {
    crate::domain::proptest_config()
}

/// Every fixture file of the corpus, its first 6 KB (the large ones are mostly a photo; the
/// corpus test reads them whole, and this keeps 2,000 cases a run in seconds).
fn fixtures() -> &'static Vec<Vec<u8>> {
    static FILES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/contacts");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        names.retain(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("csv" | "vcf")));
        names.sort();
        names
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .map(|mut b| {
                b.truncate(6 * 1024);
                b
            })
            .collect()
    })
}

/// Reads bytes all the way to rows, as the preview does; `deep` also maps every column to each
/// field in turn (for small inputs: every path of the row builder).
fn read_fully(bytes: &[u8], choice: Option<&'static Encoding>, deep: bool) {
    if let Ok(read) = read_as(bytes, choice) {
        match read.source {
            Source::Csv(t) => {
                let mapping = t.guess_mapping();
                let _ = t.unmapped_with_data(&mapping);
                for row in t.rows(&mapping) {
                    let _ = row.name();
                }
                // Every column as every field.
                for field in Field::ALL.iter().copied().filter(|_| deep) {
                    let all = Mapping(vec![Some(field); t.headers.len().min(50)]);
                    let _ = t.rows(&all);
                }
            }
            Source::Vcard(f) => {
                for row in f.rows {
                    let _ = row.name();
                }
            }
        }
    }
}

/// Bytes that look like contact files more often than random ones: fragments of real syntax.
fn contactish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"BEGIN:VCARD\r\n".to_vec()),
        Just(b"END:VCARD\r\n".to_vec()),
        Just(b"VERSION:2.1\r\n".to_vec()),
        Just(b"N;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:Ku=E8er=\r\n".to_vec()),
        Just(b"EMAIL;TYPE=work:a@b.cz\r\n".to_vec()),
        Just(b"item1.TEL;type=CELL:+420 601 234 567\r\nitem1.X-ABLabel:x\r\n".to_vec()),
        Just(b"ADR;TYPE=home:;;Dlouh\xc3\xa1 5;Praha;;110 00;\r\n".to_vec()),
        Just(b"BDAY:--0229\r\n".to_vec()),
        Just(b"X-ABShowAs:COMPANY\r\n".to_vec()),
        Just(b" folded\r\n".to_vec()),
        Just(b"=\r\n".to_vec()),
        Just(b"First Name,Last Name,E-mail Address,Birthday\r\n".to_vec()),
        Just("Jméno;Příjmení;Telefon;Narozeniny\r\n".as_bytes().to_vec()),
        Just(b"\"a,\"\"b\"\"\r\nc\",d;e\te\r\n".to_vec()),
        Just(b"sep=;\r\n".to_vec()),
        Just(b"\xef\xbb\xbf".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\x00B\x00E\x00G".to_vec()),
        Just(b"\xe8\xf8\xec\x9a".to_vec()),
        Just("Ñ€č".as_bytes().to_vec()),
        proptest::collection::vec(any::<u8>(), 0..16),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

fn valid_contact() -> impl Strategy<Value = Contact> {
    let word = "[A-Za-zÁČĎÉĚÍŇÓŘŠŤÚŮÝŽáčďéěíňóřšťúůýž][a-zá-ž]{0,10}";
    let label = prop_oneof![
        Just(String::new()),
        Just("work".to_string()),
        Just("mobile".to_string()),
        Just("práce".to_string()),
        Just("chalupa".to_string())
    ];
    (
        word,
        word,
        proptest::collection::vec((label.clone(), "[a-z]{1,8}@[a-z]{1,8}\\.cz"), 0..3),
        proptest::collection::vec(
            (label.clone(), "\\+420 [1-9][0-9]{2} [0-9]{3} [0-9]{3}"),
            0..3,
        ),
        proptest::collection::vec(
            (
                label,
                "[A-Za-zá-ž0-9 ,]{1,20}(\n[0-9]{3} [0-9]{2} [A-Za-zá-ž]{1,10})?",
            ),
            0..3,
        ),
        "[=+@-]?[A-Za-zá-ž ,;\"]{0,30}",
        proptest::option::of((1900i32..2020, 1u32..13, 1u32..29)),
        proptest::collection::vec("[A-Za-zá-ž][A-Za-zá-ž ]{0,8}[A-Za-zá-ž]", 0..3),
    )
        .prop_map(
            |(given, family, emails, phones, addresses, notes, day, tags)| {
                let labelled = |v: Vec<(String, String)>| -> Vec<Labelled> {
                    let mut out: Vec<Labelled> = Vec::new();
                    for (label, value) in v {
                        let value = value.trim().to_string();
                        if !value.is_empty()
                            && !out
                                .iter()
                                .any(|l| l.value.to_lowercase() == value.to_lowercase())
                        {
                            out.push(Labelled { label, value });
                        }
                    }
                    out
                };
                let mut tags_kept: Vec<String> = Vec::new();
                for t in tags {
                    if !tags_kept
                        .iter()
                        .any(|k| crate::domain::search::fold(k) == crate::domain::search::fold(&t))
                    {
                        tags_kept.push(t);
                    }
                }
                Contact {
                    given_name: given,
                    family_name: family,
                    emails: labelled(emails),
                    phones: labelled(phones),
                    addresses: labelled(addresses),
                    role: notes.trim().to_string(),
                    birthday: day.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
                    tags: tags_kept,
                    notes: notes.trim().to_string(),
                    ..Contact::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_end_in_rows_or_a_message(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        read_fully(&bytes, None, true);
    }

    #[test]
    fn contact_like_bytes_end_in_rows_or_a_message(bytes in contactish(), choice in 0usize..20) {
        read_fully(&bytes, CHOICES.get(choice).copied(), true);
    }

    #[test]
    fn any_text_as_csv_ends_in_rows_or_a_message(text in "[a-zA-Z0-9áčř@.+ ,;\t\"\r\n'=-]{0,600}") {
        if let Ok(t) = csv(&text) {
            let _ = t.rows(&t.guess_mapping());
        }
    }

    #[test]
    fn any_text_as_vcard_ends_in_rows_or_a_message(text in "(BEGIN:VCARD\r\n|END:VCARD\r\n|[A-Z;=.:\\-]{1,12}[a-z0-9=;:,\\\\ ]{0,20}\r?\n| [a-z=]{0,8}\r\n){0,40}") {
        let _ = vcard(text.as_bytes());
    }

    #[test]
    fn charset_detection_never_fails(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        let _ = decode_file(&bytes, None);
        let _ = guess(&eight_bit_lines(&bytes));
        let _ = oddness(&String::from_utf8_lossy(&bytes));
        let _ = quoted_printable(&bytes);
    }

    #[test]
    fn a_fixture_cut_short_is_read_or_refused(file in 0usize..64, at in any::<prop::sample::Index>()) {
        let files = fixtures();
        let bytes = &files[file % files.len()];
        let cut = at.index(bytes.len() + 1);
        read_fully(&bytes[..cut], None, false);
    }

    #[test]
    fn a_fixture_with_bytes_inserted_is_read_or_refused(
        file in 0usize..64,
        at in any::<prop::sample::Index>(),
        inserted in proptest::collection::vec(any::<u8>(), 1..8),
    ) {
        let files = fixtures();
        let bytes = &files[file % files.len()];
        let at = at.index(bytes.len() + 1);
        let mut mutated = bytes[..at].to_vec();
        mutated.extend_from_slice(&inserted);
        mutated.extend_from_slice(&bytes[at..]);
        read_fully(&mutated, None, false);
    }

    #[test]
    fn a_fixture_in_another_character_set_is_read_or_refused(file in 0usize..64, choice in 0usize..12, bom in any::<bool>(), said in any::<bool>()) {
        let files = fixtures();
        let bytes = &files[file % files.len()];
        let text = String::from_utf8_lossy(bytes);
        let encoding = CHOICES[choice % CHOICES.len()];
        let written: Vec<u8> = if encoding == encoding_rs::UTF_16LE {
            text.encode_utf16().flat_map(u16::to_le_bytes).collect()
        } else if encoding == encoding_rs::UTF_16BE {
            text.encode_utf16().flat_map(u16::to_be_bytes).collect()
        } else {
            encoding.encode(&text).0.into_owned()
        };
        let written = if bom { [&b"\xef\xbb\xbf"[..], &written].concat() } else { written };
        read_fully(&written, said.then_some(encoding), false);
    }

    #[test]
    fn folio_csv_and_vcard_read_back_what_they_wrote(c in valid_contact()) {
        // The contact as Folio keeps it (what the form's validation makes of it).
        let c = crate::domain::contact::ContactDraft::from_contact(&c).validate();
        prop_assume!(c.is_ok());
        let c = c.unwrap();
        let file = super::super::contacts_out::csv([(&c, "Firma, s.r.o.", "Newsletter")]);
        let rows = corpus::rows_of(file.as_bytes()).unwrap();
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(&rows[0].dropped, &vec![]);
        prop_assert_eq!(rows[0].draft.validate().unwrap(), c.clone());
        let card = super::super::contacts_out::vcard("id", &c, "Firma, s.r.o.", "", chrono::DateTime::UNIX_EPOCH);
        let rows = corpus::rows_of(card.as_bytes()).unwrap();
        prop_assert_eq!(&rows[0].dropped, &vec![]);
        prop_assert_eq!(rows[0].draft.validate().unwrap(), c);
    }
}

#[test]
fn pathological_files_are_read_in_one_pass() {
    // A quoted-printable value of 200,000 soft breaks, a CSV of one 500,000-character quoted
    // cell, and a vCard of 50,000 folded lines: each read once, not once per line.
    let mut qp = b"BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:".to_vec();
    qp.extend(std::iter::repeat_n(&b"=41=\r\n"[..], 200_000).flatten());
    qp.extend_from_slice(b"x\r\nEND:VCARD\r\n");
    let rows = vcard(&qp).unwrap();
    assert_eq!(
        rows[0].dropped.len(),
        1,
        "a note that long is dropped and said"
    );
    let cell = format!("Jméno;Poznámka\r\nJan;\"{}\"\r\n", "a;\r\n".repeat(125_000));
    assert!(csv(&cell).is_ok());
    let folded = format!(
        "BEGIN:VCARD\r\nNOTE:a\r\n{}END:VCARD\r\n",
        " b\r\n".repeat(50_000)
    );
    assert!(vcard(folded.as_bytes()).is_ok());
}
