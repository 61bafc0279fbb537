//! Tests of the context decisions, on probe sentences written for them, with a small gazetteer.

use super::super::Tagger;
use crate::gazetteer::{Gazetteer, Layer};
use crate::text::sentences;

const GAZ: &str = r#"(entries: [
    (id: "geonames:1", type: place, name: "Paris", country: "FR", parent: "place:france", population: 2100000),
    (id: "place:france", type: place, name: "France", demonyms: ["French"], xref: {"iso3166": "FR"}, country: "FR"),
    (id: "place:germany", type: place, name: "Germany", demonyms: ["German"], xref: {"iso3166": "DE"}, country: "DE"),
    (id: "place:ukraine", type: place, name: "Ukraine", demonyms: ["Ukrainian"], xref: {"iso3166": "UA"}, country: "UA"),
    (id: "place:united-kingdom", type: place, name: "United Kingdom", aliases: ["Britain"], demonyms: ["British"], xref: {"iso3166": "GB"}, country: "GB"),
    (id: "place:united-states", type: place, name: "United States", xref: {"iso3166": "US"}, country: "US"),
    (id: "place:jordan", type: place, name: "Jordan", xref: {"iso3166": "JO"}, country: "JO"),
    (id: "place:georgia", type: place, name: "Georgia", xref: {"iso3166": "GE"}, country: "GE", population: 3700000),
    (id: "iso3166-2:us-ga", type: place, name: "Georgia", country: "US", population: 10000000),
    (id: "iso3166-2:us-tx", type: place, name: "Texas", country: "US", population: 29000000),
    (id: "geonames:2", type: place, name: "Atlanta", country: "US", parent: "iso3166-2:us-ga", population: 500000),
    (id: "geonames:3", type: place, name: "Florence", country: "IT", population: 360000),
    (id: "geonames:4", type: place, name: "London", country: "GB", parent: "place:united-kingdom", population: 8900000),
    (id: "org:uk-parliament", type: organisation, name: "Parliament of the United Kingdom", country: "GB"),
    (id: "org:us-senate", type: organisation, name: "United States Senate", aliases: ["Senate"], country: "US"),
    (id: "org:vsa", type: organisation, name: "Vellmar Space Agency", aliases: ["VSA"], country: "GB"),
    (id: "org:aviation", type: organisation, name: "Civil Aviation Authority", country: "GB"),
    (id: "org:telecom", type: organisation, name: "Mandarine SA", country: "FR"),
    (id: "org:spd", type: organisation, name: "Social Democratic Party of Germany", aliases: ["Social Democrats"], country: "DE"),
    (id: "person:george-w-bush", type: person, name: "George W. Bush", aliases: ["Bush"], country: "US"),
    (id: "person:george-h-w-bush", type: person, name: "George H. W. Bush", country: "US"),
    (id: "person:justin-trudeau", type: person, name: "Justin Trudeau", aliases: ["Trudeau"], country: "CA"),
    (id: "person:olaf-scholz", type: person, name: "Olaf Scholz", country: "DE"),
    (id: "person:angela-merkel", type: person, name: "Angela Merkel", country: "DE"),
    (id: "person:friedrich-merz", type: person, name: "Friedrich Merz", country: "DE"),
    (id: "person:volodymyr-zelenskyy", type: person, name: "Volodymyr Zelenskyy", country: "UA"),
    (id: "person:somchai-wongsakul", type: person, name: "Somchai Wongsakul", aliases: ["Somchai"], country: "TH"),
    (id: "person:james-cleverly", type: person, name: "James Cleverly", country: "GB"),
], names: ["Florence", "Pierre", "Angela", "Olaf", "George", "Rose", "Will", "Laura"])"#;

fn tagger() -> Tagger {
    let mut gaz = Gazetteer::empty();
    gaz.add_source("t.ron", GAZ, Layer::Curated).unwrap();
    Tagger::new(gaz).unwrap()
}

/// Checks the mentions of `text` (dated `date`) as `"text=entity rule"` strings.
fn check(date: Option<&str>, text: &str, want: &[&str]) {
    let tagger = tagger();
    let got: Vec<String> = tagger
        .tag_dated(text, &sentences(text), date)
        .into_iter()
        .map(|m| format!("{}={} {}", m.text, m.entity, m.rule.as_str()))
        .collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn an_institution_name_ending_another_bodys_name_is_not_the_institution() {
    let text = "Delegates of the ruling party met at its 9th Provincial Senate in Texas.";
    let got = tagger().tag_dated(text, &sentences(text), None);
    assert!(got.iter().all(|m| m.entity != "org:us-senate"), "{got:#?}");
    check(
        None,
        "Delegates met in Texas. The Senate passed the bill.",
        &[
            "Texas=iso3166-2:us-tx gazetteer-name",
            "Senate=org:us-senate gazetteer-alias",
        ],
    );
}

#[test]
fn a_name_inside_a_longer_name_is_not_linked_alone() {
    check(
        None,
        "Engineers measured the Jordan River near the border.",
        &["Jordan River=place:jordan-river longer-name"],
    );
    check(
        None,
        "France ratified the Paris Agreement in May.",
        &["France=place:france gazetteer-name"],
    );
}

#[test]
fn a_given_name_and_a_surname_are_a_person_not_a_place() {
    check(
        None,
        "Florence Quellby starred in the film. Quellby said it was hard.",
        &[
            "Florence Quellby=person:florence-quellby full-name",
            "Quellby=person:florence-quellby short-form",
        ],
    );
    // A given name before a listed person's surname is someone else of that name.
    check(
        None,
        "Pierre Trudeau died in 2000. Trudeau led the country.",
        &[
            "Pierre Trudeau=person:pierre-trudeau full-name",
            "Trudeau=person:pierre-trudeau earlier-name",
        ],
    );
    // Also opening a sentence, with a given name that is an English word the article never
    // writes as a word; not one it does write so ("will").
    check(
        None,
        "Rose Trudeau wrote a book. Trudeau said it was personal.",
        &[
            "Rose Trudeau=person:rose-trudeau full-name",
            "Trudeau=person:rose-trudeau earlier-name",
        ],
    );
    check(
        None,
        "Will Trudeau sign it? He will decide.",
        &["Trudeau=person:justin-trudeau gazetteer-alias"],
    );
}

#[test]
fn an_unlisted_given_name_before_a_listed_surname_is_someone_else() {
    // A name-shaped word no list holds is a given name too ("Aurelio" is in no list here).
    check(
        None,
        "Officials said Aurelio Trudeau had resigned. Trudeau declined to comment.",
        &[
            "Aurelio Trudeau=person:aurelio-trudeau full-name",
            "Trudeau=person:aurelio-trudeau earlier-name",
        ],
    );
    // Two such words are the given names; the one matched must be the listed surname.
    check(
        None,
        "Officials said Aurelio Benvolio Trudeau had resigned.",
        &["Aurelio Benvolio Trudeau=person:aurelio-benvolio-trudeau full-name"],
    );
    check(
        None,
        "Officials said Khon Somchai had resigned.",
        &["Somchai=person:somchai-wongsakul gazetteer-alias"],
    );
    // Another spelling of the listed person's given name is that person.
    check(
        None,
        "Officials said Justyn Trudeau had resigned.",
        &["Trudeau=person:justin-trudeau gazetteer-alias"],
    );
    // A weekday, a plural title or an English word is no given name.
    check(
        None,
        "On Monday Trudeau said so.",
        &["Trudeau=person:justin-trudeau gazetteer-alias"],
    );
    check(
        None,
        "They met Senators Trudeau and Scholz.",
        &["Trudeau=person:justin-trudeau gazetteer-alias"],
    );
}

#[test]
fn a_surname_is_the_person_named_in_the_article() {
    check(
        None,
        "George H. W. Bush was president. Bush died in 2018.",
        &[
            "George H. W. Bush=person:george-h-w-bush gazetteer-name",
            "Bush=person:george-h-w-bush earlier-name",
        ],
    );
    // Two people of the surname: not the one its own sentence names in full ...
    check(
        None,
        "George W. Bush met George H. W. Bush. Bush is the father of George W. Bush.",
        &[
            "George W. Bush=person:george-w-bush gazetteer-name",
            "George H. W. Bush=person:george-h-w-bush gazetteer-name",
            "Bush=person:george-h-w-bush earlier-name",
            "George W. Bush=person:george-w-bush gazetteer-name",
        ],
    );
    // ... and the one a title's gender names.
    check(
        None,
        "George W. Bush and Laura Bush arrived. Mrs. Bush smiled.",
        &[
            "George W. Bush=person:george-w-bush gazetteer-name",
            "Laura Bush=person:laura-bush full-name",
            "Bush=person:laura-bush earlier-name",
        ],
    );
    // A woman's title before a listed man's surname: someone else of that name.
    check(None, "Mrs. Bush spoke.", &["Bush=person:bush title-cue"]);
    // With no namesake in the article, the listed one.
    check(
        None,
        "Bush spoke.",
        &["Bush=person:george-w-bush gazetteer-alias"],
    );
}

#[test]
fn a_place_next_to_its_region_decides_both() {
    check(
        None,
        "The mayor of Paris, Texas, spoke.",
        &[
            "Paris=place:paris-texas place-context",
            "Texas=iso3166-2:us-tx gazetteer-name",
        ],
    );
    check(
        None,
        "A storm hit Atlanta, Georgia, on Friday.",
        &[
            "Atlanta=geonames:2 gazetteer-name",
            "Georgia=iso3166-2:us-ga place-context",
        ],
    );
}

#[test]
fn a_company_description_makes_a_company() {
    check(
        None,
        "Mandarine raised prices in France, the telecoms operator said.",
        &[
            "Mandarine=org:telecom company-context",
            "France=place:france gazetteer-name",
        ],
    );
}

#[test]
fn an_institution_without_a_country_is_the_article_country_s() {
    check(
        None,
        "LONDON - Parliament approved the budget in London.",
        &[
            "LONDON=geonames:4 gazetteer-name",
            "Parliament=org:uk-parliament generic-institution",
            "London=geonames:4 gazetteer-name",
        ],
    );
}

#[test]
fn a_defined_acronym_refers_to_what_it_abbreviates() {
    check(
        None,
        "The Civil Aviation Authority (CAA) grounded jets. The CAA said more.",
        &[
            "Civil Aviation Authority=org:aviation gazetteer-name",
            "CAA=org:aviation acronym-defined",
            "CAA=org:aviation acronym-defined",
        ],
    );
}

#[test]
fn a_listed_acronym_is_the_organisation_named_whose_initials_it_spells() {
    let text = "The Vintage Softball Association backed the law. Later the VSA filed suit.";
    let got = tagger().tag_dated(text, &sentences(text), None);
    let vsa = got.iter().find(|m| m.text == "VSA").expect("VSA");
    let named = got
        .iter()
        .find(|m| m.text == "Vintage Softball Association");
    assert_eq!(Some(&vsa.entity), named.map(|m| &m.entity), "{got:#?}");
    // The listed one named in full keeps its acronym.
    let text =
        "The Vellmar Space Agency and the Vintage Softball Association met. The VSA said no.";
    let got = tagger().tag_dated(text, &sentences(text), None);
    let vsa = got.iter().find(|m| m.text == "VSA").expect("VSA");
    assert_eq!(vsa.entity, "org:vsa", "{got:#?}");
    // No organisation spells it: the listed one.
    check(
        None,
        "The VSA launched a rocket.",
        &["VSA=org:vsa gazetteer-alias"],
    );
}

#[test]
fn a_role_is_the_person_named_in_it_else_the_holder_of_the_day() {
    check(
        Some("2023-05-01"),
        "Olaf Scholz met him. The German chancellor said no.",
        &[
            "Olaf Scholz=person:olaf-scholz gazetteer-name",
            "German chancellor=person:olaf-scholz role",
        ],
    );
    // Undated, the person named who ever held the office; dated, the one in office then.
    check(
        None,
        "Angela Merkel met him. The German chancellor said no.",
        &[
            "Angela Merkel=person:angela-merkel gazetteer-name",
            "German chancellor=person:angela-merkel role",
        ],
    );
    check(
        Some("2023-05-01"),
        "Angela Merkel met him. The German chancellor said no.",
        &[
            "Angela Merkel=person:angela-merkel gazetteer-name",
            "German chancellor=person:olaf-scholz role",
        ],
    );
    check(
        Some("2010-05-01"),
        "The German chancellor said no.",
        &["German chancellor=person:angela-merkel role"],
    );
    check(
        Some("2023-05-10"),
        "Britain's foreign secretary met the President of Ukraine.",
        &[
            "Britain's foreign secretary=person:james-cleverly role",
            "President of Ukraine=person:volodymyr-zelenskyy role",
        ],
    );
    // A region's office is not the nation's.
    check(
        Some("2010-05-01"),
        "The North German chancellor said no.",
        &["German=place:germany demonym"],
    );
    // A title before a name, and a former holder, are no role references.
    check(
        Some("2010-05-01"),
        "German Chancellor Olaf Scholz met the former German chancellor.",
        &[
            "German=place:germany demonym",
            "Olaf Scholz=person:olaf-scholz gazetteer-name",
            "German=place:germany demonym",
        ],
    );
}

/// A gazetteer with names that occur inside longer names, for the part-of-name rules.
const PARTS_GAZ: &str = r#"(entries: [
    (id: "place:norvania", type: place, name: "Norvania", demonyms: ["Norvanian"], xref: {"iso3166": "NV"}, country: "NV"),
    (id: "place:ostria", type: place, name: "Ostria", demonyms: ["Ostrian"], xref: {"iso3166": "OS"}, country: "OS"),
    (id: "place:europe", type: place, name: "Europe"),
    (id: "geonames:11", type: place, name: "Belmora", country: "NV", population: 90000),
    (id: "geonames:12", type: place, name: "Quillan", country: "NV", population: 40000),
    (id: "org:kestrel", type: organisation, name: "Kestrel Motor", aliases: ["Kestrel"], country: "NV"),
    (id: "org:vantage", type: organisation, name: "Vantage Bank", country: "NV"),
    (id: "org:corvid", type: organisation, name: "Corvid Capital", country: "NV"),
    (id: "org:front", type: organisation, name: "Liberation Front", country: "NV"),
    (id: "org:harvest", type: organisation, name: "Harvest Party", aliases: ["Harvesters"], country: "NV"),
    (id: "org:labourers", type: organisation, name: "Labourers", country: "NV"),
], names: ["Dana", "Tomas"])"#;

fn check_parts(text: &str, want: &[&str]) {
    let mut gaz = Gazetteer::empty();
    gaz.add_source("p.ron", PARTS_GAZ, Layer::Curated).unwrap();
    let tagger = Tagger::new(gaz).unwrap();
    let got: Vec<String> = tagger
        .tag(text, &sentences(text))
        .into_iter()
        .map(|m| format!("{}={} {}", m.text, m.entity, m.rule.as_str()))
        .collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn a_place_inside_an_organisation_name_is_not_linked() {
    // An airline: a place, then words ending in an organisation head. The cue rules already
    // read the whole run as an organisation by its head ("Lines"), so the place never stands
    // alone.
    check_parts(
        "Passengers of Belmora Freight Lines waited for hours.",
        &["Belmora Freight Lines=org:belmora-freight-lines organisation-head"],
    );
    // A company, a head and a continent: one organisation.
    check_parts(
        "Sales at Kestrel Motor Europe fell sharply last year.",
        &["Kestrel Motor Europe=org:kestrel-motor-europe longer-name"],
    );
    // An acronym before a place: a branch of an organisation.
    check_parts(
        "The prize went to FOTA Ostria last week.",
        &["FOTA Ostria=org:fota-ostria longer-name"],
    );
}

#[test]
fn a_place_joined_to_other_capitalised_words_is_not_linked_alone() {
    // "Quillan Spirit" is a ship: the town is not what the sentence is about.
    check_parts("The tanker Quillan Spirit ran aground.", &[]);
    // A title, a comma, a lower-case noun or a compass word does not join.
    check_parts(
        "Norvanian President Dana Holm met Ostrian troops in Western Europe and in Belmora, Norvania.",
        &[
            "Norvanian=place:norvania demonym",
            "Dana Holm=person:dana-holm title-cue",
            "Ostrian=place:ostria demonym",
            "Europe=place:europe gazetteer-name",
            "Belmora=geonames:11 gazetteer-name",
            "Norvania=place:norvania gazetteer-name",
        ],
    );
    // A legal form after a listed company keeps it.
    check_parts(
        "Profits at Corvid Capital Ltd rose.",
        &["Corvid Capital=org:corvid gazetteer-name"],
    );
    // A capital that only opens the sentence does not join.
    check_parts(
        "Across Norvania, prices rose.",
        &["Norvania=place:norvania gazetteer-name"],
    );
}

#[test]
fn a_word_opening_another_bodys_name_makes_another_body() {
    // A split or a namesake of a listed party: another body that no list holds.
    check_parts(
        "Delegates of the New Harvest Party met in Belmora on Monday.",
        &[
            "New Harvest Party=org:new-harvest-party longer-name",
            "Belmora=geonames:11 gazetteer-name",
        ],
    );
    check_parts(
        "Officials said the Progressive Harvesters lost two seats in the vote.",
        &["Progressive Harvesters=org:progressive-harvesters longer-name"],
    );
    // "New" before a one-word name is the listed body renamed; other words do not open names.
    check_parts(
        "Officials said the New Labourers lost two seats in the vote.",
        &["Labourers=org:labourers gazetteer-name"],
    );
}

#[test]
fn a_listed_party_of_another_country_is_another_party() {
    check_parts(
        "Delegates of the Harvest Party of Ostria met in Belmora on Monday.",
        &[
            "Harvest Party of Ostria=org:harvest-party-of-ostria longer-name",
            "Belmora=geonames:11 gazetteer-name",
        ],
    );
    // Its own country's name after it keeps the listed party.
    check_parts(
        "Delegates of the Harvest Party of Norvania met in Belmora on Monday.",
        &[
            "Harvest Party=org:harvest gazetteer-name",
            "Norvania=place:norvania gazetteer-name",
            "Belmora=geonames:11 gazetteer-name",
        ],
    );
}

#[test]
fn a_town_after_an_unlisted_persons_name_is_the_surname() {
    check_parts(
        "Opposition leader Arvo Teng Quillan said the budget was weak.",
        &["Arvo Teng Quillan=person:arvo-teng-quillan full-name"],
    );
    // A country after a name is no surname.
    check_parts(
        "Opposition leader Arvo Teng Norvania said the budget was weak.",
        &[
            "Arvo Teng=person:arvo-teng title-cue",
            "Norvania=place:norvania gazetteer-name",
        ],
    );
}

#[test]
fn a_demonym_and_an_association_are_one_name() {
    check_parts(
        "A spokesman for the Norvanian and Regional Nurses Association said no.",
        &["Norvanian and Regional Nurses Association=org:norvanian-and-regional-nurses-association longer-name"],
    );
}

#[test]
fn a_place_in_a_hyphenated_name_needs_names_beside_it() {
    check_parts("Members of GX-QUILLAN voted.", &[]);
    check_parts(
        "Norvania-Ostria talks and Anglo-Norvanian trade and Belmora-based firms grew.",
        &[
            "Norvania=place:norvania gazetteer-name",
            "Ostria=place:ostria gazetteer-name",
            "Norvanian=place:norvania demonym",
            "Belmora=geonames:11 gazetteer-name",
        ],
    );
}

#[test]
fn an_organisation_qualifying_a_countrys_envoy_is_not_linked() {
    check_parts(
        "Norvania's Liberation Front envoy spoke first.",
        &["Norvania=place:norvania gazetteer-name"],
    );
}

#[test]
fn a_name_shaped_person_used_as_a_company_is_a_company() {
    // Listed among banks.
    check_parts(
        "The lenders include Tomas Brennick, Vantage Bank and Corvid Capital.",
        &[
            "Tomas Brennick=org:tomas-brennick company-context",
            "Vantage Bank=org:vantage gazetteer-name",
            "Corvid Capital=org:corvid gazetteer-name",
        ],
    );
    // A person stays a person.
    check_parts(
        "Tomas Brennick said he would resign.",
        &["Tomas Brennick=person:tomas-brennick given-name"],
    );
}

const PEOPLE_GAZ: &str = r#"(entries: [
    (id: "geonames:1", type: place, name: "Paris", country: "FR", population: 2100000),
    (id: "place:australia", type: place, name: "Australia", demonyms: ["Australian"], xref: {"iso3166": "AU"}, country: "AU"),
    (id: "place:pakistan", type: place, name: "Pakistan", xref: {"iso3166": "PK"}, country: "PK"),
    (id: "org:iag", type: organisation, name: "International Airlines Group", aliases: ["International Airlines"], country: "GB"),
    (id: "org:democratic-party", type: organisation, name: "Democratic Party", aliases: ["Democrats"], country: "US"),
    (id: "org:mardell", type: organisation, name: "Mardell", country: "US"),
    (id: "geonames:5", type: place, name: "Oldmere", country: "BE", population: 20000),
    (id: "person:dana-pelkey", type: person, name: "Dana Pelkey", country: "US"),
    (id: "person:ardak-temirov", type: person, name: "Ardak Temirov", country: "KG"),
    (id: "person:abu-bakr-al-kestrani", type: person, name: "Abu Bakr al-Kestrani", aliases: ["Kestrani"], country: "IQ"),
    (id: "place:united-states", type: place, name: "United States", demonyms: ["American"], xref: {"iso3166": "US"}, country: "US"),
    (id: "iso3166-2:us-oh", type: place, name: "Ohio", country: "US"),
    (id: "org:republican-party", type: organisation, name: "Republican Party", country: "US"),
    (id: "place:lebanon", type: place, name: "Lebanon", demonyms: ["Lebanese"], xref: {"iso3166": "LB"}, country: "LB"),
    (id: "org:icrc", type: organisation, name: "International Committee of the Red Cross", aliases: ["Red Cross"], country: "CH"),
    (id: "person:park-min-seo", type: person, name: "Park Min-seo", country: "KR"),
], names: ["Stephen", "Paul", "Rosa", "Tomas", "Abu", "Omar", "Bakr"])"#;

/// Checks the mentions of `text` as `"text=entity rule"` strings, with [`PEOPLE_GAZ`].
fn check_people(text: &str, want: &[&str]) {
    let mut gaz = Gazetteer::empty();
    gaz.add_source("t.ron", PEOPLE_GAZ, Layer::Curated).unwrap();
    let tagger = Tagger::new(gaz).unwrap();
    let got: Vec<String> = tagger
        .tag(text, &sentences(text))
        .into_iter()
        .map(|m| format!("{}={} {}", m.text, m.entity, m.rule.as_str()))
        .collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn a_generic_organisation_name_after_another_country_is_a_longer_name() {
    check_people(
        "The first jet goes to Pakistan International Airlines in May.",
        &["Pakistan International Airlines=org:pakistan-international-airlines longer-name"],
    );
    check_people(
        "The Australian Democrats welcomed the study. The Democrats want reform.",
        &[
            "Australian Democrats=org:australian-democrats longer-name",
            "Democrats=org:australian-democrats longer-name",
        ],
    );
    check_people(
        "The Democrats want reform.",
        &["Democrats=org:democratic-party gazetteer-alias"],
    );
    // The part inside another longer name later is not the first longer name.
    check_people(
        "The Lebanese Red Cross sent ambulances. They bore the International Red Cross emblem.",
        &[
            "Lebanese Red Cross=org:lebanese-red-cross longer-name",
            "Red Cross=org:icrc gazetteer-alias",
        ],
    );
}

#[test]
fn a_given_name_before_a_listed_name_is_a_person() {
    check_people(
        "The video was taken by Stephen Mardell in May. Mardell said it was awful.",
        &[
            "Stephen Mardell=person:stephen-mardell full-name",
            "Mardell=person:stephen-mardell earlier-name",
        ],
    );
    check_people(
        "Couples married before officer Tomas van Oldmere on Friday. Van Oldmere grew up in Paris.",
        &[
            "Tomas van Oldmere=person:tomas-van-oldmere full-name",
            "Van Oldmere=person:tomas-van-oldmere earlier-name",
            "Paris=geonames:1 gazetteer-name",
        ],
    );
}

#[test]
fn a_surname_alone_is_the_person_named_in_full() {
    // No list holds the person: the surname recurring alone makes the full name.
    check_people(
        "Zdena Quenby was found guilty by a court in May. Quenby was arrested at the airport.",
        &[
            "Zdena Quenby=person:zdena-quenby full-name",
            "Quenby=person:zdena-quenby earlier-name",
        ],
    );
    // A first word found elsewhere before other words is no given name.
    check_people(
        "Kestrova Zunda sold well in May. Kestrova Pirel sold less. In June, Zunda was cheaper.",
        &[],
    );
    // After an article, an untagged surname modifies a noun.
    check_people(
        "Zdena Quenby was found guilty by a court in May. The Quenby restaurant closed.",
        &[],
    );
    // A title and the surname: the person named before, not a person called "Pelkey".
    check_people(
        "Spokesman Dana Pelkey announced it on Monday. Mr. Pelkey has served since May.",
        &[
            "Dana Pelkey=person:dana-pelkey gazetteer-name",
            "Pelkey=person:dana-pelkey earlier-name",
        ],
    );
    // A listed person's first name with another surname is someone else (after a title the
    // cue pass already reads the unlisted given name and surname as a name).
    check_people(
        "Ardak Temirov spoke in Paris. Supreme Court Chairman Ardak Selimov left the hall.",
        &[
            "Ardak Temirov=person:ardak-temirov gazetteer-name",
            "Paris=geonames:1 gazetteer-name",
            "Ardak Selimov=person:ardak-selimov title-cue",
        ],
    );
}

#[test]
fn a_surname_first_name_gives_its_first_word_as_the_surname() {
    check_people(
        "Park Min-seo arrived in Paris on Monday. Mr. Park said the talks went well.",
        &[
            "Park Min-seo=person:park-min-seo gazetteer-name",
            "Paris=geonames:1 gazetteer-name",
            "Park=person:park-min-seo earlier-name",
        ],
    );
}

#[test]
fn a_one_word_name_a_cue_made_a_person_is_that_person_alone_elsewhere() {
    check_people(
        "The race was between his deputy Quenby and an outsider. Quenby joined the force in 1990.",
        &[
            "Quenby=person:quenby title-cue",
            "Quenby=person:quenby earlier-name",
        ],
    );
}

#[test]
fn given_names_joined_by_and_are_two_people() {
    check_people(
        "Yell accused Paul Quigg and his daughter Rosa Blenn of fraud. Yell wants Paul and Rosa to close the site.",
        &[
            "Paul Quigg=person:paul-quigg given-name",
            "Rosa Blenn=person:rosa-blenn given-name",
            "Paul=person:paul-quigg earlier-name",
            "Rosa=person:rosa-blenn earlier-name",
        ],
    );
}

#[test]
fn a_compass_word_before_a_nationality_opens_the_organisation_name() {
    check_people(
        "The Western Australian Chamber of Commerce predicts cuts.",
        &["Western Australian Chamber of Commerce=org:western-australian-chamber-of-commerce organisation-head"],
    );
}

#[test]
fn an_acronym_after_a_word_for_a_group_is_the_group() {
    check_people(
        "The calls were made by the separatist group ETA in May. Such calls are common by ETA.",
        &[
            "ETA=org:eta organisation-context",
            "ETA=org:eta organisation-context",
        ],
    );
}

#[test]
fn a_person_whose_given_name_differs_is_someone_else() {
    check_people(
        "Officials said Abu Omar al-Kestrani was captured.",
        &["Abu Omar al-Kestrani=person:abu-omar-al-kestrani full-name"],
    );
    // The listed person's own given name keeps the link.
    check_people(
        "Officials said Bakr al-Kestrani was captured.",
        &["Kestrani=person:abu-bakr-al-kestrani gazetteer-alias"],
    );
}

#[test]
fn a_state_before_a_national_party_is_the_state_party() {
    check_people(
        "The Ohio Republican Party mailed the leaflets.",
        &["Ohio Republican Party=org:ohio-republican-party longer-name"],
    );
    // The country's own name before it is still the national party.
    check_people(
        "The American Republican Party mailed the leaflets.",
        &[
            "American=place:united-states demonym",
            "Republican Party=org:republican-party gazetteer-name",
        ],
    );
}

#[test]
fn a_country_before_a_generic_institution_owns_it() {
    check_people(
        "Officials in Paris met. Lebanon's National Assembly passed the law.",
        &[
            "Paris=geonames:1 gazetteer-name",
            "Lebanon=place:lebanon gazetteer-name",
            "National Assembly=org:national-assembly-lb organisation-head",
        ],
    );
}

#[test]
fn an_embassy_in_a_town_is_one_organisation() {
    check_people(
        "The Australian Embassy in Paris issued a statement.",
        &["Australian Embassy in Paris=org:australian-embassy-in-paris longer-name"],
    );
}

#[test]
fn an_unknown_word_before_a_town_is_a_person_when_a_person_cue_follows() {
    check_parts(
        "Dorek Belmora, who led the agency, resigned. Belmora denied it.",
        &[
            "Dorek Belmora=person:dorek-belmora full-name",
            "Belmora=person:dorek-belmora earlier-name",
        ],
    );
    // Without the cue the town is only left unlinked.
    check_parts("Dorek Belmora opened in May.", &[]);
}

#[test]
fn a_word_that_only_opens_a_title_makes_no_person() {
    use crate::gazetteer::EntityKind;
    let text = "The Special Quorlings raised money in Paris. Special Envoy Dana Holm came too.";
    let got = tagger().tag(text, &sentences(text));
    assert!(
        got.iter()
            .all(|m| !(m.text.contains("Quorlings") && m.kind == EntityKind::Person)),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|m| m.text == "Dana Holm" && m.kind == EntityKind::Person),
        "{got:?}"
    );
}

#[test]
fn a_shared_party_alias_is_the_listed_foreign_party_only_with_support() {
    let entity_of = |text: &str, written: &str| -> Vec<String> {
        tagger()
            .tag_dated(text, &sentences(text), None)
            .into_iter()
            .filter(|m| m.text == written)
            .map(|m| m.entity)
            .collect()
    };
    // Nothing German in an article about France: the alias names a French party.
    let text = "The Social Democrats met in Paris. France will vote in May.";
    assert_eq!(
        entity_of(text, "Social Democrats"),
        ["org:social-democrats-fr"],
        "{text}"
    );
    // A German person in the article supports the listed party.
    let text = "The Social Democrats met in Paris. Olaf Scholz came to Paris and left Paris.";
    assert_eq!(entity_of(text, "Social Democrats"), ["org:spd"], "{text}");
}

const SURNAME_GAZ: &str = r#"(entries: [
    (id: "person:edda-hunt", type: person, name: "Edda Hunt", country: "GB"),
    (id: "person:arn-delay", type: person, name: "Arn DeLay", country: "US"),
    (id: "person:ivo-marlan", type: person, name: "Ivo Marlan", aliases: ["Marlan"], country: "NZ"),
    (id: "person:moon-ha-eun", type: person, name: "Moon Ha-eun", country: "KR"),
    (id: "person:tarek-sennavar", type: person, name: "Tarek Sennavar", aliases: ["Tarek"], country: "EG"),
], names: ["Edda", "Arn", "Ivo", "Marlan", "Tarek"])"#;

/// The `"text=entity rule"` strings of the mentions of `text`, with [`SURNAME_GAZ`].
fn surname_mentions(text: &str) -> Vec<String> {
    let mut gaz = Gazetteer::empty();
    gaz.add_source("t.ron", SURNAME_GAZ, Layer::Curated)
        .unwrap();
    let tagger = Tagger::new(gaz).unwrap();
    tagger
        .tag(text, &sentences(text))
        .into_iter()
        .map(|m| format!("{}={} {}", m.text, m.entity, m.rule.as_str()))
        .collect()
}

#[test]
fn a_surname_that_is_an_english_word_is_the_person_where_used_as_a_surname() {
    // A name in surname-first order whose surname is an English word: the cue pass's short
    // forms take no such word, the article's use of it decides.
    let moon = "Moon=person:moon-ha-eun earlier-name".to_string();
    // A verb after it, also opening the sentence.
    let got = surname_mentions("Moon Ha-eun arrived on Monday. Moon said the talks went well.");
    assert!(got.contains(&moon), "verb after: {got:?}");
    // Inside a sentence, in an article that never writes the word in lower case.
    let got =
        surname_mentions("Moon Ha-eun arrived on Monday. Talks went well, according to Moon.");
    assert!(got.contains(&moon), "inside: {got:?}");
    // The noun: opening a sentence before a noun, or inside one where the article writes it
    // in lower case too.
    let got = surname_mentions("Moon Ha-eun arrived on Monday. Moon landings drew crowds.");
    assert!(
        !got.iter().any(|m| m.starts_with("Moon=")),
        "noun after: {got:?}"
    );
    let got =
        surname_mentions("Moon Ha-eun arrived under a full moon. Reporters asked Moon about it.");
    assert!(
        !got.iter().any(|m| m.starts_with("Moon=")),
        "lower case: {got:?}"
    );
    // A capital inside the word: no English word.
    let got = surname_mentions("Arn DeLay resigned after a delay. Aides said DeLay would appeal.");
    assert!(
        got.iter().any(|m| m.starts_with("DeLay=person:arn-delay")),
        "camel: {got:?}"
    );
}

#[test]
fn a_listed_alias_that_is_a_given_name_before_a_surname_of_its_own_is_another_person() {
    let got = surname_mentions(
        "Ivo Marlan spoke on Monday. The blog's founder, Marlan Quibbet, disagreed.",
    );
    assert!(
        got.contains(&"Marlan Quibbet=person:marlan-quibbet full-name".to_string()),
        "{got:?}"
    );
    assert!(!got.iter().any(|m| m.starts_with("Marlan=")), "{got:?}");
    // A surname spelt a little differently is the listed person's, misspelt.
    let got =
        surname_mentions("Tarek Sennavar spoke on Monday. Later, Tarek Senavar said talks failed.");
    assert!(!got.iter().any(|m| m.contains("tarek-senavar")), "{got:?}");
}

#[test]
fn a_common_abbreviation_is_no_organisation() {
    check(
        None,
        "The laptop has a faster CPU than the old one. Its GPS unit failed, the maker said.",
        &[],
    );
}

#[test]
fn a_title_and_given_name_before_a_town_make_a_person() {
    let text =
        "Spokeswoman Laura Atlanta said the plan was late. \"We need more time,\" said Atlanta.";
    let got: Vec<String> = tagger()
        .tag_dated(text, &sentences(text), None)
        .into_iter()
        .map(|m| format!("{}={}", m.text, m.entity))
        .collect();
    assert!(
        got.contains(&"Laura Atlanta=person:laura-atlanta".to_string()),
        "{got:?}"
    );
    assert!(
        got.contains(&"Atlanta=person:laura-atlanta".to_string()),
        "{got:?}"
    );
    // A given name that is also an English word ("Rose") makes the person too.
    let text = "Spokeswoman Rose Atlanta said the plan was late.";
    let got = tagger().tag_dated(text, &sentences(text), None);
    assert!(
        got.iter().any(|m| m.entity == "person:rose-atlanta"),
        "{got:#?}"
    );
    // Without the title the town stays the town, and so does the town elsewhere.
    let text = "Tourists in Atlanta said the plan was late. Atlanta is in Georgia.";
    let got = tagger().tag_dated(text, &sentences(text), None);
    assert!(
        got.iter().all(|m| m.entity != "person:laura-atlanta"),
        "{got:#?}"
    );
    assert!(got.iter().any(|m| m.entity == "geonames:2"), "{got:#?}");
}
