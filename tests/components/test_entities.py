"""Gold tables for pressfacts_entities: people with titles, organisations, places, issuers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.entities import load_countries, load_rules, load_subdivisions, may_issue
from pipeline.components.entities.lexicon import Lexicon
from pipeline.components.entities.organisations import unions
from pipeline.components.entities.scan import scan_doc
from pipeline.errors import PressfactsError
from pipeline.extensions import SPANS_ENTITIES
from pipeline.schema import Entity, Extraction

Extract = Callable[..., Extraction]


def _find(extraction: Extraction, label: str, name: str) -> Entity | None:
    return next((e for e in extraction.entities if (e.label, e.name) == (label, name)), None)


# (text, label, canonical name, titles, number of mentions)
FOUND = [
    pytest.param(
        "Minister of Health Ileana Vrabie urged parents to vaccinate their children.",
        "PERSON",
        "Ileana Vrabie",
        ["Minister of Health"],
        1,
        id="name-the-title-modifies-untagged-by-the-model",
    ),
    pytest.param(
        "Shymkent, 14 March 2024. The city police registered 812 thefts.",
        "GPE",
        "Shymkent",
        [],
        1,
        id="place-of-a-dateline",
    ),
    pytest.param(
        "Minister of Justice Major-General Ruslan Karimov opened the session. R.Karimov thanked"
        " the staff, and Minister Karimov closed it.",
        "PERSON",
        "Ruslan Karimov",
        ["Minister of Justice", "Major-General"],
        3,
        id="titles-before-name-and-surname-coreference",
    ),
    pytest.param(
        "Among the guests was Elena Petrova, Governor of the Tver Region, who spoke first.",
        "PERSON",
        "Elena Petrova",
        ["Governor of the Tver Region"],
        1,
        id="role-after-name",
    ),
    pytest.param(
        "The award went to Acting Deputy Attorney General Laura Bennett on Friday.",
        "PERSON",
        "Laura Bennett",
        ["Acting Deputy Attorney General"],
        1,
        id="stacked-title-modifiers",
    ),
    pytest.param(
        "He thanked Supreme Commander-in-Chief of the Armed Forces of the Republic of Kazakhstan,"
        " President Nurlan Abishev, for his support.",
        "PERSON",
        "Nurlan Abishev",
        [
            "Supreme Commander-in-Chief of the Armed Forces of the Republic of Kazakhstan",
            "President",
        ],
        1,
        id="title-chain-with-comma",
    ),
    pytest.param(
        "He thanked Supreme Commander-in-Chief of the Armed Forces of the Republic of Kazakhstan,"
        " President Nurlan Abishev, for his support.",
        "ORG",
        "Armed Forces of the Republic of Kazakhstan",
        [],
        1,
        id="organisation-inside-a-title",
    ),
    pytest.param(
        "He thanked Supreme Commander-in-Chief of the Armed Forces of the Republic of Kazakhstan,"
        " President Nurlan Abishev, for his support. Kazakhstan will host the next meeting.",
        "GPE",
        "Republic of Kazakhstan",
        [],
        2,
        id="state-form-and-short-name",
    ),
    pytest.param(
        "The National Crime Agency (NCA) said arrests rose. The NCA expects more next year.",
        "ORG",
        "National Crime Agency",
        [],
        3,
        id="acronym-defined-in-brackets",
    ),
    pytest.param(
        "According to the Ministry of Defence of Georgia, exercises ended. The Georgian Ministry"
        " of Defence thanked the troops.",
        "ORG",
        "Ministry of Defence of Georgia",
        [],
        2,
        id="demonym-and-of-country-forms",
    ),
    pytest.param(
        "The Energy Department published new figures today. The DOE said demand had risen.",
        "ORG",
        "Energy Department",
        [],
        2,
        id="acronym-of-department-of-x",
    ),
    pytest.param(
        "The Ministry of Health of Armenia reported fewer cases. The Ministry also said that"
        " vaccination continues.",
        "ORG",
        "Ministry of Health of Armenia",
        [],
        2,
        id="bare-head-refers-back",
    ),
    pytest.param(
        "Exports from the United Kingdom grew by 4%, while UK imports fell.",
        "GPE",
        "United Kingdom",
        [],
        2,
        id="country-alias",
    ),
    pytest.param(
        "Thefts rose in the Kharkiv region but fell in the Odesa and Poltava regions.",
        "GPE",
        "Kharkiv region",
        [],
        1,
        id="region-head-kept",
    ),
    pytest.param(
        "Thefts rose in the Kharkiv region but fell in the Odesa and Poltava regions.",
        "GPE",
        "Poltava",
        [],
        1,
        id="coordinated-regions",
    ),
    pytest.param(
        "Bureau of Prisons, Parole and Probation\n\nThe bureau reported 120 escapes.",
        "ORG",
        "Bureau of Prisons, Parole and Probation",
        [],
        1,
        id="comma-list-in-a-name",
    ),
    pytest.param(
        "The Organization for Security and Co-operation in Europe (OSCE) sent observers; the"
        " OSCE report follows.",
        "ORG",
        "Organization for Security and Co-operation in Europe",
        [],
        3,
        id="acronym-over-hyphen-and-in",
    ),
    pytest.param(
        "Burglaries fell in the districts of Orhei, Cahul and Ungheni.",
        "GPE",
        "Cahul",
        [],
        1,
        id="places-listed-after-plural-region-head",
    ),
    pytest.param(
        "Contact: Irina Popa, Head of the Statistics Directorate, tel. 22 40 30.",
        "PERSON",
        "Irina Popa",
        ["Head of the Statistics Directorate"],
        1,
        id="name-before-role-is-a-person",
    ),
    pytest.param(
        "Chief of the State Police Janis Ozols told reporters that thefts fell. Ozols thanked"
        " the officers.",
        "PERSON",
        "Janis Ozols",
        ["Chief of the State Police"],
        2,
        id="person-after-organisation-in-a-title",
    ),
    pytest.param(
        "MINISTRY OF FINANCE OF MONTENEGRO\n\nThe Ministry of Finance said revenue rose.",
        "ORG",
        "Ministry of Finance of Montenegro",
        [],
        2,
        id="letterhead-in-capitals-read-in-usual-case",
    ),
    pytest.param(
        "MINISTRY OF FINANCE OF MONTENEGRO\n\nRevenue rose by 4%.",
        "GPE",
        "Montenegro",
        [],
        1,
        id="country-in-a-letterhead-in-capitals",
    ),
    pytest.param(
        "Police seized 40 kg of heroin at the port of Klaipeda in May.",
        "GPE",
        "Klaipeda",
        [],
        1,
        id="place-after-a-place-noun-and-of",
    ),
    pytest.param(
        "An Eldoret man was charged with fraud on Monday.",
        "GPE",
        "Eldoret",
        [],
        1,
        id="place-a-resident-comes-from",
    ),
    pytest.param(
        "DENVER, Colo. - Agents arrested 14 people on Tuesday.",
        "GPE",
        "Denver",
        [],
        1,
        id="place-of-a-wire-dateline",
    ),
    pytest.param(
        "Burglaries rose in Pskov, Velikiye Luki and Ostrov during the summer.",
        "GPE",
        "Ostrov",
        [],
        1,
        id="last-of-listed-places-after-in",
    ),
    pytest.param(
        "The Centers for Disease Control and Prevention (CDC) counted 40 cases. The CDC will"
        " publish weekly updates.",
        "ORG",
        "Centers for Disease Control and Prevention",
        [],
        3,
        id="acronym-that-leaves-words-out",
    ),
    pytest.param(
        "According to court documents, Darnell Hughes, 29, sold the drugs. Hughes pleaded guilty.",
        "PERSON",
        "Darnell Hughes",
        [],
        2,
        id="name-before-an-age-is-a-person",
    ),
    pytest.param(
        "Head of the State Border Service Andriy Demchenko said that 12 people were detained.",
        "PERSON",
        "Andriy Demchenko",
        ["Head of the State Border Service"],
        1,
        id="name-closing-an-organisation-in-a-title",
    ),
    pytest.param(
        "Statement by the Ministry of Interior of Serbia, Traffic Police Directorate\n\nRoad"
        " deaths fell.",
        "ORG",
        "Ministry of Interior of Serbia",
        [],
        1,
        id="comma-before-another-organisation",
    ),
    pytest.param(
        "The Ghana Statistical Service reported that inflation eased to 23%.",
        "GPE",
        "Ghana",
        [],
        1,
        id="country-named-inside-an-organisation",
    ),
    pytest.param(
        "WEST AFRICAN HEALTH ORGANISATION\nMEDIA STATEMENT\n\nMeasles cases fell by 12%.",
        "ORG",
        "West African Health Organisation",
        [],
        1,
        id="letterhead-whose-tags-are-no-evidence",
    ),
    pytest.param(
        "In Ust-Kut and Bratsk, thefts fell by a third.",
        "GPE",
        "Ust-Kut",
        [],
        1,
        id="hyphenated-place-after-in",
    ),
    pytest.param(
        "The rate was highest in Opole and lowest in Lower Silesia.",
        "GPE",
        "Lower Silesia",
        [],
        1,
        id="region-after-in",
    ),
    pytest.param(
        "Officers of the Border and Migration Police detained 12 people.",
        "ORG",
        "Border and Migration Police",
        [],
        1,
        id="and-inside-a-name",
    ),
    pytest.param(
        "Issued by the Ministry of Interior of Serbia, Traffic and Road Safety Department.",
        "ORG",
        "Ministry of Interior of Serbia",
        [],
        1,
        id="list-that-runs-into-another-organisation",
    ),
    pytest.param(
        "Issued by the Ministry of Interior of Serbia, Traffic and Road Safety Department.",
        "ORG",
        "Traffic and Road Safety Department",
        [],
        1,
        id="organisation-after-a-comma",
    ),
    pytest.param(
        "The minister visited Warsaw, Sumy and Uman last week.",
        "GPE",
        "Sumy",
        [],
        1,
        id="listed-with-places",
    ),
    pytest.param(
        "Officers in Tralee and Ennis seized 40 kg of cannabis.",
        "GPE",
        "Ennis",
        [],
        1,
        id="places-after-in-before-the-verb",
    ),
    pytest.param(
        "Delegations from Ho Chi Minh City, Da Nang and Hai Phong attended the meeting.",
        "GPE",
        "Hai Phong",
        [],
        1,
        id="names-of-two-words-listed-with-places",
    ),
    pytest.param(
        "Minister of Internal Affairs of Moldova Daniel Vornic and the police chief met.",
        "PERSON",
        "Daniel Vornic",
        ["Minister of Internal Affairs of Moldova"],
        1,
        id="name-closing-a-country-in-a-title",
    ),
    pytest.param(
        "It was attended by Chairman of the Regional Council of the Tomsk Region Oleg Kozlov"
        " and Prosecutor of the Tomsk Region Pavel Sokolov.",
        "PERSON",
        "Oleg Kozlov",
        ["Chairman of the Regional Council of the Tomsk Region"],
        1,
        id="name-closing-a-region-in-a-title",
    ),
    pytest.param(
        "Thefts fell in the Vyborg and Gatchina districts.",
        "GPE",
        "Gatchina",
        [],
        1,
        id="coordinated-places-before-a-plural-region-head",
    ),
    pytest.param(
        "Youth justice in 2023\nby Ruth Okafor, Liam Brennan and Chloe Dubois, Centre for"
        " Justice Statistics\n\nThe number of young offenders fell by 8%.",
        "PERSON",
        "Liam Brennan",
        [],
        1,
        id="byline-names-are-people",
    ),
    pytest.param(
        "In Osh and Jalal-Abad, thefts fell by 8.2%.",
        "GPE",
        "Jalal-Abad",
        [],
        1,
        id="hyphenated-place-the-model-left-untagged",
    ),
    pytest.param(
        "SAN DIEGO — The police department said that burglaries fell by 7%.",
        "GPE",
        "San Diego",
        [],
        1,
        id="wire-dateline-of-two-words-in-usual-case",
    ),
    pytest.param(
        "The Rustavi City Court sentenced the man to four years.",
        "GPE",
        "Rustavi City",
        [],
        1,
        id="city-named-inside-an-organisation",
    ),
    pytest.param(
        "HALIFAX - Nova Scotia Department of Justice today released its report on delays.",
        "GPE",
        "Halifax",
        [],
        1,
        id="wire-dateline-before-a-spaced-hyphen-is-a-place",
    ),
    pytest.param(
        "HALIFAX - Nova Scotia Department of Justice today released its report on delays.",
        "ORG",
        "Nova Scotia Department of Justice",
        [],
        1,
        id="issuer-after-a-wire-dateline-keeps-its-own-name",
    ),
    pytest.param(
        "Of the new cases, Pune district reported 812, Nashik 640, Nagpur 533 and Thane 401.",
        "GPE",
        "Nagpur",
        [],
        1,
        id="names-listed-with-counts-after-a-district",
    ),
    pytest.param(
        "The highest counts were in the districts of Mwanza 210, Arusha 180 and Dodoma 95.",
        "GPE",
        "Dodoma",
        [],
        1,
        id="names-listed-with-counts-after-districts-of",
    ),
    pytest.param(
        "Customs officers seized 2 tonnes of tobacco at the Narva and Koidula crossings.",
        "GPE",
        "Narva",
        [],
        1,
        id="border-crossings-named-by-their-towns",
    ),
    pytest.param(
        "Trucks waited for six hours at the Kapitan Andreevo and Lesovo border crossings.",
        "GPE",
        "Kapitan Andreevo",
        [],
        1,
        id="border-crossings-with-a-modifier",
    ),
    pytest.param(
        "The National Centre for Vector Borne Diseases Control has supplied 12,000 kits.",
        "ORG",
        "National Centre for Vector Borne Diseases Control",
        [],
        1,
        id="organisation-runs-through-words-the-model-took-for-a-person",
    ),
    pytest.param(
        "Anyone with information can call 101 or contact Crimestoppers anonymously.",
        "ORG",
        "Crimestoppers",
        [],
        1,
        id="coined-name-the-parser-read-as-a-common-noun",
    ),
    pytest.param(
        "Police Colonel Ana Lourdes Dela Rosa said 18 suspects were arrested.",
        "PERSON",
        "Ana Lourdes Dela Rosa",
        ["Police Colonel"],
        1,
        id="first-names-the-model-left-after-a-title",
    ),
    pytest.param(
        "Deputy Minister Pieter van der Merwe opened the new police station on Monday.",
        "PERSON",
        "Pieter van der Merwe",
        ["Deputy Minister"],
        1,
        id="surname-with-particles",
    ),
    pytest.param(
        "The National Commissioner of the Correctional Service, Makgothi Thobakgale, opened the"
        " new centre.",
        "PERSON",
        "Makgothi Thobakgale",
        [],
        1,
        id="name-in-apposition-to-a-title-the-model-took-for-an-organisation",
    ),
    pytest.param(
        "The Inspector-General of the Nigeria Police Force, Kayode Egbetokun, said 40 suspects"
        " were arrested.",
        "ORG",
        "Nigeria Police Force",
        [],
        1,
        id="organisation-after-a-title-the-model-joined-to-it",
    ),
    pytest.param(
        "Assistant Chief Constable Rachel Okoro said the unit made 31 arrests.",
        "PERSON",
        "Rachel Okoro",
        ["Assistant Chief Constable"],
        1,
        id="police-rank-is-a-title",
    ),
    pytest.param(
        "Union Home Minister Shri Amit Kumar Rao chaired the meeting in New Delhi.",
        "PERSON",
        "Amit Kumar Rao",
        ["Union Home Minister", "Shri"],
        1,
        id="honorific-is-a-title",
    ),
    pytest.param(
        "The Force Public Relations Officer, ACP Olumuyiwa Adejobi, said 19 victims were rescued.",
        "PERSON",
        "Olumuyiwa Adejobi",
        [],
        1,
        id="rank-in-letters-opens-no-name",
    ),
    pytest.param(
        "Police seized 40 kg, said Inspector-General of Police Tan Sri Ahmad Zulkifli.",
        "PERSON",
        "Ahmad Zulkifli",
        ["Inspector-General of Police", "Tan Sri"],
        1,
        id="honorific-of-two-words",
    ),
    pytest.param(
        "Speaking at Garda Headquarters in Dublin, the commissioner said 40 people were arrested.",
        "ORG",
        "Garda Headquarters",
        [],
        1,
        id="person-named-like-an-organisation-is-one",
    ),
    pytest.param(
        "Most of the cocaine was seized in Metro Cebu and Central Visayas.",
        "GPE",
        "Metro Cebu",
        [],
        1,
        id="place-the-model-guessed-a-facility-keeps-its-first-word",
    ),
    pytest.param(
        "Limpopo recorded 412 house robberies, followed by Mpumalanga with 388.",
        "GPE",
        "Mpumalanga",
        [],
        1,
        id="province-the-model-took-for-a-person",
    ),
    pytest.param(
        "Dengue cases were highest in Maharashtra, Karnataka and Tamil Nadu.",
        "GPE",
        "Tamil Nadu",
        [],
        1,
        id="state-in-a-list-of-states",
    ),
    pytest.param(
        "Officers intercepted the shipment at a port in Central Visayas on Monday.",
        "GPE",
        "Central Visayas",
        [],
        1,
        id="region-with-a-compass-word",
    ),
    pytest.param(
        "Rainfall was heaviest in the Free State, the weather service said.",
        "GPE",
        "Free State",
        [],
        1,
        id="province-of-common-words-after-in",
    ),
    pytest.param(
        "Notifications in Victoria rose by 12%. Victoria also recorded 300 measles cases.",
        "GPE",
        "Victoria",
        [],
        2,
        id="state-named-like-a-person-placed-by-one-mention",
    ),
    pytest.param(
        "KWAZULU-NATAL DEPARTMENT OF HEALTH\nMEDIA RELEASE\n\nThe department screened 9,000"
        " learners.",
        "GPE",
        "Kwazulu-Natal",
        [],
        1,
        id="province-inside-a-letterhead",
    ),
    pytest.param(
        "The Gauteng Provincial Department of Health said 40 clinics opened.",
        "GPE",
        "Gauteng",
        [],
        1,
        id="province-before-a-word-and-an-organisation-head",
    ),
    pytest.param(
        "Shootings fell in St Elizabeth and Hanover, while St. Ann recorded 14 more.",
        "GPE",
        "St Elizabeth",
        [],
        1,
        id="parish-written-with-st",
    ),
    pytest.param(
        "The Eastern Cape Department of Education said 80% of schools reopened.",
        "GPE",
        "Eastern Cape",
        [],
        1,
        id="province-inside-an-organisation-name",
    ),
    pytest.param(
        "The Central Bank raised its rate, and prices in Central fell.",
        "GPE",
        "Central",
        [],
        1,
        id="common-region-name-opening-an-organisation-is-no-mention-of-it",
    ),
]

# (text, label, name that must not be an entity)
NOT_FOUND = [
    pytest.param(
        "FOR IMMEDIATE RELEASE\nTuesday, March 12, 2024\n\nThe office charged 40 people.",
        "GPE",
        "Tuesday",
        id="weekday-of-a-dateline-is-no-place",
    ),
    pytest.param(
        "Press Release\n\nThe State Border Service detained 12 people.",
        "ORG",
        "Press Release",
        id="heading-is-no-organisation",
    ),
    pytest.param(
        "The Labour Force Survey (LFS) shows employment rose; the LFS is run every quarter.",
        "ORG",
        "LFS",
        id="acronym-of-a-survey",
    ),
    pytest.param(
        "The Consumer Price Index rose by 2% in March.",
        "ORG",
        "Consumer Price Index",
        id="index-is-no-organisation",
    ),
    pytest.param(
        "The Department declined to comment on the figures.",
        "ORG",
        "Department",
        id="bare-head-without-antecedent",
    ),
    pytest.param(
        "Minister of Internal Affairs Colonel Anar Guliyev opened the meeting.",
        "ORG",
        "Internal Affairs",
        id="title-complement-is-no-organisation",
    ),
    pytest.param(
        "In Tver Region, crime fell by 3%.",
        "GPE",
        "In Tver Region",
        id="preposition-outside-the-name",
    ),
    pytest.param(
        'Cameras of the "Safe City" system helped to solve 40 crimes.',
        "GPE",
        "Safe City",
        id="quoted-system-name",
    ),
    pytest.param(
        "The Violent Crime Severity Index (VCSI) and the Non-violent CSI (NVCSI) both rose.",
        "ORG",
        "CSI",
        id="acronym-inside-an-index-name",
    ),
    pytest.param(
        "MINISTRY OF HEALTH\nPress Office\n\nThe ministry opened 12 clinics.",
        "ORG",
        "Press Office",
        id="press-office-alone-is-no-organisation",
    ),
    pytest.param(
        "Forty defendants were charged under the Project Safe Streets initiative.",
        "ORG",
        "Project Safe Streets",
        id="programme-is-no-organisation",
    ),
    pytest.param(
        "Tacoma Woman Sentenced for Bank Fraud\n\nA woman was sentenced for fraud at a bank.",
        "PERSON",
        "Tacoma Woman Sentenced",
        id="title-case-headline-is-no-person",
    ),
    pytest.param(
        "U.S. Attorney Dana Whitlock announced the charges.",
        "GPE",
        "U.S.",
        id="country-inside-a-title",
    ),
    pytest.param(
        "Department of Labor Releases Annual Report\n\nThe report covers 2023.",
        "ORG",
        "Department of Labor Releases Annual Report",
        id="headline-verb-ends-a-name",
    ),
    pytest.param(
        "Four men were detained in Leeds and Smith said the case was closed.",
        "GPE",
        "Smith",
        id="new-clause-after-a-place-is-no-place",
    ),
    pytest.param(
        "The leaflets were printed in Polish and distributed in Muslim communities.",
        "GPE",
        "Muslim",
        id="modifier-after-in-is-no-place",
    ),
    pytest.param(
        "According to the U.S. Sentencing Commission, 40 defendants were sentenced.",
        "GPE",
        "U.S.",
        id="abbreviated-country-inside-an-organisation",
    ),
    pytest.param(
        "The Union Home Minister Anil Rao chaired the meeting.",
        "ORG",
        "Union Home",
        id="portfolio-of-a-title-is-no-organisation",
    ),
    pytest.param(
        "The Safe Roads Partnership (SRP) Program trained 400 drivers.",
        "ORG",
        "Safe Roads Partnership",
        id="programme-after-its-acronym",
    ),
    pytest.param(
        "The briefing was held by Major General of Justice Farid Mammadov.",
        "ORG",
        "Major General of Justice",
        id="title-with-complement-is-no-organisation",
    ),
    pytest.param(
        "Cooperation between Georgia and Interpol grew.",
        "GPE",
        "Interpol",
        id="organisation-paired-with-a-country",
    ),
    pytest.param(
        "The rates are shown in Table 2.",
        "GPE",
        "Table",
        id="numbered-part-of-a-document-is-no-place",
    ),
    pytest.param(
        "Knife Crime Falls Across The Capital\n\nKnife crime fell by 9% in the year.",
        "ORG",
        "Capital",
        id="headline-word-capitalised-nowhere-else",
    ),
    pytest.param(
        "The centre vaccinated 45,000 children with support from UNICEF and Gavi.",
        "GPE",
        "UNICEF",
        id="acronym-is-no-place",
    ),
    pytest.param(
        "PRESS RELEASE — Police arrest 12 in drugs raid\n\nOfficers arrested 12 people.",
        "GPE",
        "Press Release",
        id="heading-before-a-dash-is-no-dateline",
    ),
    pytest.param(
        "HALIFAX - Nova Scotia Department of Justice today released its report on delays.",
        "ORG",
        "HALIFAX - Nova Scotia Department of Justice",
        id="wire-dateline-is-no-part-of-the-issuer",
    ),
    pytest.param(
        "The National Centre for Vector Borne Diseases Control has supplied 12,000 kits.",
        "PERSON",
        "Borne Diseases Control",
        id="no-person-inside-an-organisation-name",
    ),
    pytest.param(
        "The State recorded 5,210 cases of malaria in the first quarter.",
        "ORG",
        "State",
        id="the-state-is-a-place-noun",
    ),
    pytest.param(
        "Fever clinics at government hospitals tested 8,000 people with a high fever.",
        "GPE",
        "Fever",
        id="common-noun-capitalised-to-open-a-sentence",
    ),
    pytest.param(
        "Over the year, the Clothing and Footwear index rose by 3.1 percent, while the"
        " Transport index fell and the Alcoholic Beverages, Tobacco and Narcotics index was flat.",
        "ORG",
        "Transport",
        id="category-of-an-index",
    ),
    pytest.param(
        "Over the year, the Clothing and Footwear index rose by 3.1 percent.",
        "GPE",
        "Footwear",
        id="category-of-an-index-is-no-place",
    ),
    pytest.param(
        "The annual rate for the Restaurants and Hotels index was 4.2 percent.",
        "ORG",
        "Hotels",
        id="listed-category-of-an-index",
    ),
    pytest.param(
        "Unpaid VAT and excise duty are estimated at EUR 4 million, and fines at PLN 200,000.",
        "ORG",
        "PLN",
        id="currency-code-before-an-amount",
    ),
    pytest.param(
        "Traders paid KES 450 million in fines, and the unpaid GST came to KES 12 million.",
        "ORG",
        "GST",
        id="tax-abbreviation",
    ),
    pytest.param(
        "Key Findings\nOfficers made 40 arrests in the quarter, up from 31 a year earlier, the"
        " report said.",
        "PERSON",
        "Key Findings",
        id="heading-above-a-paragraph-is-no-person",
    ),
    pytest.param(
        "Background\n\nThe survey interviewed 4,000 households in the quarter.",
        "GPE",
        "Background",
        id="generic-heading-is-no-place",
    ),
    pytest.param(
        "The Police Service Satisfaction Survey found that 71% of residents trusted officers.",
        "ORG",
        "Police Service Satisfaction Survey",
        id="survey-named-after-an-organisation",
    ),
    pytest.param(
        "The Police Service Satisfaction Survey found that 71% of residents trusted officers.",
        "PERSON",
        "Satisfaction Survey",
        id="words-of-a-survey-name-are-no-person",
    ),
    pytest.param(
        "Claimants on the Live Register fell to 170,000 in May.",
        "ORG",
        "Live Register",
        id="register-is-no-organisation",
    ),
    pytest.param(
        "Anyone with symptoms should see a GP or call the helpline.",
        "ORG",
        "GP",
        id="acronym-after-a-names-a-kind-of-body",
    ),
    pytest.param(
        "The programme supports Indigenous communities in remote areas.",
        "ORG",
        "Indigenous",
        id="adjective-is-no-organisation",
    ),
    pytest.param(
        "The Force Public Relations Officer, ACP Olumuyiwa Adejobi, said 19 victims were rescued.",
        "ORG",
        "Force Public Relations Officer",
        id="post-with-an-organisation-word-is-no-organisation",
    ),
    pytest.param(
        "The Inspector-General directed the Commissioners of Police in the affected states to"
        " intensify patrols.",
        "ORG",
        "Commissioners of Police",
        id="plural-post-is-no-organisation",
    ),
    pytest.param(
        "Director of Medical Services Dr Tomas Lindqvist said 40 wards were reopened.",
        "ORG",
        "Medical Services",
        id="field-of-a-title-is-no-organisation",
    ),
    pytest.param(
        "The Texas Department of Family and Protective Services reported 1,463 cases.",
        "ORG",
        "Family and Protective Services",
        id="field-of-a-department-is-no-organisation-of-its-own",
    ),
    pytest.param(
        "Province Investing in Mental Health Services for Students\n\nThe province is investing"
        " $14 million in mental health services for students.",
        "ORG",
        "Mental Health Services for Students",
        id="headline-words-the-text-writes-in-lower-case",
    ),
    pytest.param(
        "Figures are published in Crime in England and Wales, the annual bulletin on crime.",
        "GPE",
        "Crime",
        id="common-word-is-no-place",
    ),
    pytest.param(
        "Laboratories confirmed Vibrio cholerae in 212 samples.",
        "PERSON",
        "Vibrio cholerae",
        id="name-with-a-word-in-lower-case-is-no-person",
    ),
    pytest.param(
        "Cases of the Delta variant fell by 40% in the quarter.",
        "GPE",
        "Delta",
        id="state-name-that-is-a-common-word",
    ),
    pytest.param(
        "Lake Victoria fish exports rose by 8% in 2023.",
        "GPE",
        "Victoria",
        id="state-name-inside-a-longer-name",
    ),
    pytest.param(
        "Victoria Okafor, a spokesperson, said 12 people were held in Abuja.",
        "GPE",
        "Victoria",
        id="state-name-as-a-first-name",
    ),
    pytest.param(
        "The quarterback threw a 28-yard pass to Van in the fourth quarter.",
        "GPE",
        "Van",
        id="short-province-name-without-a-preposition-of-place",
    ),
]


# (text, every (label, name) extracted from it)
ALL_FOUND = [
    pytest.param(
        "Crews will resurface State Route 9 and Interstate 5 near Fresno and widen U.S. Route"
        " 101 through Salinas, the Wyoming Highway Patrol said.",
        {("GPE", "Fresno"), ("GPE", "Salinas"), ("ORG", "Wyoming Highway Patrol")},
        id="road-designations-are-no-places-or-organisations",
    ),
    pytest.param(
        "Measured in US dollars, exports to Canada rose. The Council will spend A$20 million"
        " in FY2025 under the Green Jobs Credit Scheme.",
        {("GPE", "Canada")},
        id="currency-fiscal-year-and-scheme-are-no-entities",
    ),
    pytest.param(
        "The Chief Economist of the Reserve Bank, Dr Aisha Okonkwo-Bello, said prices rose."
        ' "Demand held up," Okonkwo-Bello said.',
        {("ORG", "Reserve Bank"), ("PERSON", "Aisha Okonkwo-Bello")},
        id="hyphenated-surname-alone-is-the-person",
    ),
    pytest.param(
        "Dr Ewan Grant, Consultant in Public Health Medicine at Public Health Wales, said the"
        " figures were stable. Trade with Mainland China grew.",
        {
            ("PERSON", "Ewan Grant"),
            ("ORG", "Public Health Wales"),
            ("GPE", "Wales"),
            ("GPE", "China"),
        },
        id="body-named-after-its-country-and-a-field-after-in",
    ),
    pytest.param(
        "Exports rose in the quarter.\n\nMachinery and transport equipment led imports, while"
        " sales to other COMESA member states fell.",
        {("ORG", "COMESA")},
        id="common-noun-opening-a-sentence-and-union-acronym-before-its-members",
    ),
    pytest.param(
        "Police are working with the Transport Agency Te Manatū Waka and councils. Chief of"
        " the State Police Anna Berzina agreed.",
        {
            ("ORG", "Transport Agency Te Manatū Waka"),
            ("ORG", "State Police"),
            ("PERSON", "Anna Berzina"),
        },
        id="second-name-after-an-agency-head-is-its-own-unless-a-title-opens-it",
    ),
    pytest.param(
        "Fact Sheet: Transport Agency Inspections Reach a Record High\n\nThe agency inspected"
        " 4,000 trucks.",
        {("ORG", "Transport Agency")},
        id="title-case-headline-words-after-a-head-are-no-second-name",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "label", "name", "titles", "mentions"), FOUND)
def test_entity_found(
    extract_text: Extract, text: str, label: str, name: str, titles: list[str], mentions: int
) -> None:
    entity = _find(extract_text(text), label, name)
    assert entity is not None
    assert entity.titles == titles
    assert len(entity.mentions) == mentions
    assert all(text[m.start : m.end] == m.text for m in entity.mentions)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), ALL_FOUND)
def test_all_entities(extract_text: Extract, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(e.label, e.name) for e in extract_text(text).entities} == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "label", "name"), NOT_FOUND)
def test_entity_not_found(extract_text: Extract, text: str, label: str, name: str) -> None:
    assert _find(extract_text(text), label, name) is None


@pytest.mark.slow
def test_names_have_no_article_or_line_break(extract_text: Extract) -> None:
    extraction = extract_text(
        "Statement of the Ministry of Finance\n\n\nThe Ministry of Finance said revenue rose."
    )
    names = [e.name for e in extraction.entities]
    assert "Ministry of Finance" in names
    assert all(n == n.strip() and "\n" not in n and not n.startswith("The ") for n in names)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        pytest.param(
            "News from the Press Office of the Ministry of Health\n\nThe Ministry of Health said"
            " 40 clinics opened.",
            "Ministry of Health",
            id="press-office-speaks-for-ministry",
        ),
        pytest.param(
            "Crime in 2021\n\nThe National Police Agency reported fewer thefts. Governor Tom"
            " Hale welcomed the Transport Agency figures.",
            "National Police Agency",
            id="first-organisation-in-the-lead",
        ),
        pytest.param(
            "Crime in 2021\n\nThefts fell by 4%. Later the National Police Agency commented.",
            None,
            id="none-in-the-lead",
        ),
    ],
)
def test_issuer(extract_text: Extract, text: str, issuer: str | None) -> None:
    assert extract_text(text).release.issuer == issuer


def test_rules_load() -> None:
    rules = load_rules()
    assert "Ministry" in rules.org_heads
    assert any(c.name == "Russia" and "Russian Federation" in c.aliases for c in load_countries())
    assert not may_issue("Press Service of the Ministry of Defence")
    provinces = {d.name for d in load_subdivisions() if d.country == "South Africa"}
    assert {"Gauteng", "Eastern Cape", "Kwazulu-Natal"} <= provinces
    assert any(d.name == "Bihār" and d.aliases == ("Bihar",) for d in load_subdivisions())
    parishes = {d.name: d.aliases for d in load_subdivisions() if d.country == "Jamaica"}
    assert "St Catherine" in parishes["Saint Catherine"] and "Clarendon" in parishes


def test_union_of_states_named_by_its_members() -> None:
    doc = spacy.blank("en")("Exports to other SADC member states rose; the ODOT budget fell.")
    lex = Lexicon.build(load_rules(), load_countries())
    assert [doc[i].text for i in unions(doc, lex, scan_doc(doc, lex, [], []))] == ["SADC"]


def test_malformed_rules_raise_e011(tmp_path: Path) -> None:
    data = load_rules().model_dump()
    data["titles"] = ["Minister", " padded"]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PressfactsError) as info:
        load_rules(path)
    assert info.value.code.name == "E011"


def test_malformed_countries_raise_e011(tmp_path: Path) -> None:
    path = tmp_path / "countries.tsv"
    path.write_text("Atlantis\tonly two cells\n", encoding="utf-8")
    with pytest.raises(PressfactsError) as info:
        load_countries(path)
    assert info.value.code.name == "E011"


def test_malformed_subdivisions_raise_e011(tmp_path: Path) -> None:
    path = tmp_path / "subdivisions.tsv"
    path.write_text("Gauteng\tSouth Africa\n", encoding="utf-8")
    with pytest.raises(PressfactsError) as info:
        load_subdivisions(path)
    assert info.value.code.name == "E011"


def _parsed(
    nlp: Language, words: list[str], tags: list[tuple[str, str, int]], ents: list[str]
) -> Doc:
    """A doc with the parse and entities given, as the model might have left them:
    (pos, dep, head) per word and IOB entity tags."""
    pos, deps, heads = zip(*tags, strict=True)
    doc = Doc(nlp.vocab, words=words, pos=list(pos), deps=list(deps), heads=list(heads), ents=ents)
    return nlp.get_pipe("pressfacts_entities")(doc)


def _names(doc: Doc) -> set[tuple[str, str]]:
    return {
        (s._.pressfacts_entity.label, s._.pressfacts_entity.name) for s in doc.spans[SPANS_ENTITIES]
    }


@pytest.mark.slow
def test_place_the_model_guessed_a_product(nlp: Language) -> None:
    words = ["Thefts", "across", "Cumbria", "fell", "."]
    tags = [
        ("NOUN", "nsubj", 3),
        ("ADP", "prep", 0),
        ("PROPN", "pobj", 1),
        ("VERB", "ROOT", 3),
        ("PUNCT", "punct", 3),
    ]
    doc = _parsed(nlp, words, tags, ["O", "O", "B-PRODUCT", "O", "O"])
    assert ("GPE", "Cumbria") in _names(doc)


@pytest.mark.slow
def test_place_after_and_that_the_parse_attached_elsewhere(nlp: Language) -> None:
    words = ["It", "set", "up", "a", "unit", "in", "Hull", "and", "Grimsby", "."]
    tags = [
        ("PRON", "nsubj", 1),
        ("VERB", "ROOT", 1),
        ("ADP", "prt", 1),
        ("DET", "det", 4),
        ("NOUN", "dobj", 1),
        ("ADP", "prep", 4),
        ("PROPN", "pobj", 5),
        ("CCONJ", "cc", 4),
        ("PROPN", "conj", 4),
        ("PUNCT", "punct", 1),
    ]
    doc = _parsed(nlp, words, tags, ["O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O"])
    assert {("GPE", "Hull"), ("GPE", "Grimsby")} <= _names(doc)


@pytest.mark.slow
def test_name_the_model_cut_in_two_is_one_person(nlp: Language) -> None:
    words = ["Colonel", "Rosa", "Maria", "Dela", "Cruz", "said", "it", "fell", "."]
    tags = [
        ("PROPN", "compound", 4),
        ("PROPN", "compound", 4),
        ("PROPN", "compound", 4),
        ("PROPN", "compound", 4),
        ("PROPN", "nsubj", 5),
        ("VERB", "ROOT", 5),
        ("PRON", "nsubj", 7),
        ("VERB", "ccomp", 5),
        ("PUNCT", "punct", 5),
    ]
    ents = ["O", "B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    names = _names(_parsed(nlp, words, tags, ents))
    assert ("PERSON", "Rosa Maria Dela Cruz") in names
    assert not {n for label, n in names if label == "PERSON"} - {"Rosa Maria Dela Cruz"}


@pytest.mark.slow
def test_title_the_model_took_for_an_organisation(nlp: Language) -> None:
    words = ["said", "Tasmania", "'s", "Chief", "Health", "Officer", ",", "Dr", "Ana", "Roberts"]
    tags = [
        ("VERB", "ROOT", 0),
        ("PROPN", "poss", 5),
        ("PART", "case", 1),
        ("PROPN", "compound", 5),
        ("PROPN", "compound", 5),
        ("PROPN", "nsubj", 0),
        ("PUNCT", "punct", 5),
        ("PROPN", "compound", 9),
        ("PROPN", "compound", 9),
        ("PROPN", "appos", 5),
    ]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON"]
    names = _names(_parsed(nlp, words, tags, ents))
    assert ("PERSON", "Ana Roberts") in names
    assert not [n for label, n in names if label == "ORG"]
