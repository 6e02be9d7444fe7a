"""Curated organisations, agreements, markets, events, topics and places (read by bin/build_gazetteer.py).

One entity a line: ``Name | aliases (;) | description``. Each block names where its names come from; the
English form used is the body's own (its website's English pages), and aliases are the short forms and
acronyms the body and the press use for it.
"""

# Sources: the UN System Chart (un.org/en/about-us/un-system), the Union of International Associations'
# yearbook entries and each body's English website.
INTERNATIONAL_ORGANISATIONS = """
United Nations | UN; U.N. |
UN Security Council | UNSC; United Nations Security Council; Security Council | The United Nations Security Council.
UN General Assembly | UNGA; United Nations General Assembly; General Assembly |
UN Human Rights Council | UNHRC; United Nations Human Rights Council |
UN Command | United Nations Command; UNC | The United Nations Command in Korea.
UN Panel of Experts | Panel of Experts | The Security Council's panel monitoring sanctions on North Korea, 2009-2024.
UN Commission of Inquiry on North Korea | Commission of Inquiry; COI | The 2013-2014 inquiry into human rights in North Korea.
Office of the UN High Commissioner for Human Rights | OHCHR |
UNICEF | United Nations Children's Fund |
World Food Programme | WFP; World Food Program |
UN Development Programme | UNDP; United Nations Development Programme |
UNHCR | UN Refugee Agency; United Nations High Commissioner for Refugees | The UN Refugee Agency.
UNESCO | United Nations Educational, Scientific and Cultural Organization |
Food and Agriculture Organization | FAO; UN Food and Agriculture Organization |
World Health Organization | WHO; World Health Organisation |
International Labour Organization | ILO; International Labor Organization |
International Maritime Organization | IMO |
International Civil Aviation Organization | ICAO |
International Telecommunication Union | ITU |
Universal Postal Union | UPU |
World Intellectual Property Organization | WIPO |
World Meteorological Organization | WMO |
UN Environment Programme | UNEP; United Nations Environment Programme |
UN Population Fund | UNFPA; United Nations Population Fund |
UN Conference on Trade and Development | UNCTAD |
UN Office on Drugs and Crime | UNODC |
UN Office for the Coordination of Humanitarian Affairs | OCHA; UN OCHA |
Economic and Social Commission for Asia and the Pacific | ESCAP; UNESCAP |
International Court of Justice | ICJ |
International Criminal Court | ICC |
International Atomic Energy Agency | IAEA |
Comprehensive Nuclear-Test-Ban Treaty Organization | CTBTO |
Organisation for the Prohibition of Chemical Weapons | OPCW |
World Trade Organization | WTO; World Trade Organisation |
International Monetary Fund | IMF |
World Bank | World Bank Group |
Asian Development Bank | ADB |
Asian Infrastructure Investment Bank | AIIB |
New Development Bank | BRICS Bank |
European Bank for Reconstruction and Development | EBRD |
Bank for International Settlements | |
Financial Action Task Force | FATF |
OECD | Organisation for Economic Co-operation and Development; Organization for Economic Cooperation and Development |
International Energy Agency | IEA |
OPEC | Organization of the Petroleum Exporting Countries |
International Olympic Committee | IOC |
FIFA | |
Interpol | INTERPOL |
International Committee of the Red Cross | ICRC |
International Federation of Red Cross and Red Crescent Societies | IFRC |
Korean Red Cross | | South Korea's Red Cross society.
Amnesty International | |
Human Rights Watch | HRW |
Médecins Sans Frontières | Medecins Sans Frontieres; Doctors Without Borders; MSF |
World Economic Forum | WEF; Davos Forum |
European Union | EU |
European Commission | |
European Parliament | |
European Central Bank | ECB |
NATO | North Atlantic Treaty Organization |
ASEAN | Association of Southeast Asian Nations | The Association of Southeast Asian Nations.
ASEAN Regional Forum | ARF |
ASEAN Plus Three | APT; ASEAN+3 |
East Asia Summit | EAS |
APEC | Asia-Pacific Economic Cooperation |
G20 | Group of Twenty; G-20 | The Group of Twenty.
G7 | Group of Seven; G-7 | The Group of Seven.
G8 | Group of Eight; G-8 |
BRICS | |
Shanghai Cooperation Organisation | SCO; Shanghai Cooperation Organization |
Quad | Quadrilateral Security Dialogue | The Quadrilateral Security Dialogue.
AUKUS | | The Australia-UK-US security partnership.
Pacific Islands Forum | PIF |
African Union | AU |
Organization of American States | OAS |
Arab League | League of Arab States |
Eurasian Economic Union | EAEU |
Collective Security Treaty Organization | CSTO |
Commonwealth of Independent States | CIS |
Trilateral Cooperation Secretariat | TCS | The secretariat of China-Japan-Korea cooperation, in Seoul.
Korean Peninsula Energy Development Organization | KEDO |
Six-Party Talks | six-party talks; Six Party Talks | Multilateral talks on North Korea's nuclear program, 2003-2009.
Neutral Nations Supervisory Commission | NNSC |
Military Armistice Commission | |
Proliferation Security Initiative | PSI |
Nuclear Suppliers Group | NSG |
Missile Technology Control Regime | MTCR |
Wassenaar Arrangement | |
Conference on Disarmament | |
International Campaign to Abolish Nuclear Weapons | ICAN |
Mekong-Lancang Cooperation | Lancang-Mekong Cooperation |
Asia-Europe Meeting | ASEM |
Conference on Interaction and Confidence-Building Measures in Asia | CICA |
Greater Tumen Initiative | GTI |
Green Climate Fund | GCF | The UN climate fund, headquartered in Incheon.
Global Green Growth Institute | GGGI |
International Vaccine Institute | IVI |
"""

# Sources: the BIS list of central banks (bis.org/cbanks.htm) and each bank's English website.
CENTRAL_BANKS = """
Federal Reserve | Fed; US Federal Reserve; Federal Reserve Board; Federal Reserve System | The central bank of the United States.
Federal Open Market Committee | FOMC |
Bank of Korea | BOK; BoK | South Korea's central bank.
Central Bank of the DPRK | Central Bank of North Korea | North Korea's central bank.
Bank of Japan | BOJ; BoJ | Japan's central bank.
People's Bank of China | PBOC; PBoC | China's central bank.
Central Bank of Russia | Bank of Russia; Central Bank of the Russian Federation | Russia's central bank.
Bank of England | BoE |
Deutsche Bundesbank | Bundesbank |
Swiss National Bank | SNB |
Reserve Bank of Australia | RBA |
Reserve Bank of New Zealand | RBNZ |
Reserve Bank of India | RBI |
Bank of Canada | |
Monetary Authority of Singapore | MAS |
Hong Kong Monetary Authority | HKMA |
Bank Indonesia | |
Bank Negara Malaysia | |
Bank of Thailand | |
State Bank of Vietnam | |
Bangko Sentral ng Pilipinas | BSP |
Central Bank of the Republic of China (Taiwan) | Central Bank of Taiwan; Taiwan's central bank |
Bank of Mongolia | |
Central Bank of Brazil | Banco Central do Brasil |
Bank of Mexico | Banxico |
Central Bank of the Republic of Türkiye | Central Bank of Turkey |
Saudi Central Bank | SAMA |
Central Bank of Iran | |
"""

# Sources: Korea Exchange and Tokyo Stock Exchange listings (company English names as in their annual
# reports), the Fortune Global 500, and the Korea Fair Trade Commission's list of business groups.
COMPANIES = """
Samsung | Samsung Group | South Korean conglomerate.
Samsung Electronics | Samsung Electronics Co. | South Korea's largest company, maker of memory chips and phones.
Samsung SDI | |
Samsung Biologics | |
Samsung Heavy Industries | |
Samsung C&T | |
Samsung Life Insurance | |
Hyundai | Hyundai Group | South Korean conglomerate.
Hyundai Motor Company | Hyundai Motor; Hyundai Motor Group; Hyundai Motors | South Korean carmaker.
Kia | Kia Motors; Kia Corporation | South Korean carmaker in the Hyundai Motor Group.
Hyundai Heavy Industries | HD Hyundai Heavy Industries; HD Hyundai | South Korean shipbuilder.
Hyundai Asan | | The Hyundai company that ran Mount Kumgang tourism and worked at Kaesong.
Hyundai Mobis | |
Hyundai Steel | |
SK Group | SK | South Korean conglomerate.
SK Hynix | SK hynix; Hynix | South Korean memory-chip maker.
SK Telecom | SKT |
SK Innovation | |
SK On | |
LG | LG Group | South Korean conglomerate.
LG Electronics | |
LG Chem | |
LG Energy Solution | LGES |
LG Display | |
Lotte | Lotte Group | South Korean conglomerate.
Hanwha | Hanwha Group | South Korean conglomerate.
Hanwha Aerospace | |
Hanwha Ocean | Daewoo Shipbuilding & Marine Engineering; DSME | South Korean shipbuilder, formerly Daewoo Shipbuilding.
POSCO | POSCO Holdings | South Korean steelmaker.
Daewoo | Daewoo Group | South Korean conglomerate dissolved in 1999.
Doosan | Doosan Group |
Doosan Enerbility | Doosan Heavy Industries |
GS Group | |
CJ Group | CJ |
Shinsegae | |
Naver | Naver Corporation |
Kakao | Kakao Corporation |
Coupang | |
KT Corporation | KT |
Korean Air | |
Asiana Airlines | Asiana |
Korea Electric Power Corporation | KEPCO |
Korea Hydro & Nuclear Power | KHNP |
Korea Gas Corporation | KOGAS |
Korea Aerospace Industries | KAI |
LIG Nex1 | |
Hyundai Rotem | |
KB Financial Group | KB Kookmin Bank |
Shinhan Financial Group | Shinhan Bank |
Hana Financial Group | |
Woori Financial Group | Woori Bank |
Korea Development Bank | KDB |
Export-Import Bank of Korea | Korea Eximbank; KEXIM |
National Pension Service | NPS |
HYBE | Big Hit Entertainment |
SM Entertainment | |
Celltrion | |
Amorepacific | |
Toyota | Toyota Motor; Toyota Motor Corporation |
Honda | Honda Motor |
Nissan | |
Sony | Sony Group |
Panasonic | |
Mitsubishi Heavy Industries | MHI |
Mitsubishi Corporation | |
Mitsui & Co. | Mitsui |
Nippon Steel | Nippon Steel Corporation |
SoftBank | SoftBank Group |
Hitachi | |
Toshiba | |
Tokyo Electric Power Company | TEPCO |
Rakuten | |
Line Yahoo | LY Corporation |
TSMC | Taiwan Semiconductor Manufacturing Company |
Foxconn | Hon Hai Precision Industry |
MediaTek | |
Huawei | Huawei Technologies |
ZTE | |
Alibaba | Alibaba Group |
Tencent | |
Baidu | |
ByteDance | |
TikTok | |
BYD | |
CATL | Contemporary Amperex Technology |
SMIC | Semiconductor Manufacturing International Corporation |
China National Petroleum Corporation | CNPC |
Sinopec | |
COSCO | COSCO Shipping |
China Development Bank | |
Gazprom | |
Rosneft | |
Rosatom | |
Novatek | |
Apple | Apple Inc. |
Google | Alphabet |
Microsoft | |
Amazon | |
Meta | Facebook; Meta Platforms |
Intel | |
Micron | Micron Technology |
Nvidia | NVIDIA |
Qualcomm | |
Tesla | |
General Motors | GM |
Ford | Ford Motor |
Boeing | |
Lockheed Martin | |
ExxonMobil | Exxon Mobil |
Goldman Sachs | |
JPMorgan Chase | JPMorgan; J.P. Morgan |
BlackRock | |
ASML | |
Airbus | |
Volkswagen | |
Koryolink | | North Korea's mobile network, a venture with Egypt's Orascom.
Orascom | Orascom Telecom |
Air Koryo | | North Korea's state airline.
Korea Kwangson Banking Corporation | KKBC |
Foreign Trade Bank of North Korea | Foreign Trade Bank |
Korea Mining Development Trading Corporation | KOMID |
Lazarus Group | Lazarus | A North Korean state hacking group.
Kimsuky | | A North Korean state hacking group.
"""

# Sources: the South Korean government's English portal (korea.net/Government/Administration) and each
# ministry's English site; North Korean bodies as KCNA names them in English; US, Japanese and Chinese
# bodies as on their official English pages.
GOVERNMENT_BODIES = """
Ministry of Unification | Unification Ministry; MOU | South Korea's ministry for inter-Korean relations.
Ministry of Foreign Affairs of South Korea | Ministry of Foreign Affairs; MOFA; Foreign Ministry of South Korea |
Ministry of National Defense | MND; Defense Ministry | South Korea's defence ministry.
Ministry of Economy and Finance | MOEF; Finance Ministry | South Korea's finance ministry.
Ministry of Trade, Industry and Energy | MOTIE; Trade Ministry | South Korea's trade, industry and energy ministry.
Ministry of Science and ICT | MSIT |
Ministry of Justice of South Korea | Justice Ministry |
Ministry of the Interior and Safety | MOIS; Interior Ministry |
Ministry of Education of South Korea | Education Ministry |
Ministry of Health and Welfare | Health Ministry |
Ministry of Employment and Labor | Labor Ministry |
Ministry of Land, Infrastructure and Transport | MOLIT |
Ministry of Oceans and Fisheries | |
Ministry of Agriculture, Food and Rural Affairs | MAFRA |
Ministry of Environment of South Korea | Environment Ministry |
Ministry of Gender Equality and Family | Gender Equality Ministry |
Ministry of Culture, Sports and Tourism | MCST |
Ministry of SMEs and Startups | |
Ministry of Patriots and Veterans Affairs | MPVA |
Ministry of Personnel Management | MPM |
Ministry of Government Legislation | MOLEG |
Ministry of Food and Drug Safety | MFDS |
Defense Acquisition Program Administration | DAPA |
Financial Services Commission | FSC |
Financial Supervisory Service | FSS |
Korea Fair Trade Commission | KFTC |
National Intelligence Service | NIS | South Korea's intelligence agency.
National Security Council of South Korea | |
Presidential Office of South Korea | Cheong Wa Dae; the Blue House; Blue House; Yongsan presidential office | The office of South Korea's president.
National Assembly of South Korea | National Assembly | South Korea's parliament.
Constitutional Court of Korea | Constitutional Court |
Supreme Court of Korea | |
Republic of Korea Armed Forces | ROK Armed Forces; South Korean military |
Republic of Korea Army | ROK Army |
Republic of Korea Navy | ROK Navy |
Republic of Korea Air Force | ROKAF |
Joint Chiefs of Staff of South Korea | Joint Chiefs of Staff; JCS |
Korea Coast Guard | |
Korea Trade-Investment Promotion Agency | KOTRA |
Korea International Cooperation Agency | KOICA |
Korea Customs Service | |
Statistics Korea | KOSTAT |
Korea Meteorological Administration | KMA |
Korea Disease Control and Prevention Agency | KDCA; Korea Centers for Disease Control and Prevention; KCDC |
National Election Commission | NEC |
Korea Communications Commission | KCC |
Workers' Party of Korea | Korean Workers' Party; WPK; KWP | North Korea's ruling party.
Korean People's Army | KPA | North Korea's armed forces.
Korean Central News Agency | KCNA | North Korea's state news agency.
Rodong Sinmun | Rodong Sinmun newspaper | The Workers' Party of Korea's newspaper.
Supreme People's Assembly | SPA | North Korea's parliament.
State Affairs Commission | | North Korea's top state body since 2016.
National Defence Commission | National Defense Commission | North Korea's top state body, 1972-2016.
Central Military Commission of the Workers' Party of Korea | | 
Reconnaissance General Bureau | RGB | North Korea's main intelligence agency.
Ministry of State Security of North Korea | State Security Department |
United Front Department | UFD | The Workers' Party of Korea's department for South Korea.
Committee for the Peaceful Reunification of the Country | CPRC | North Korea's agency for relations with the South.
Korean Asia-Pacific Peace Committee | | 
Korean Committee for Space Technology | KCST |
National Aerospace Development Administration | NADA | North Korea's space agency, 2013-2023.
Korea Workers' Party Propaganda and Agitation Department | Propaganda and Agitation Department |
Department of State | State Department; US State Department; U.S. State Department | The US foreign ministry.
Department of Defense | Pentagon; US Department of Defense; Defense Department | The US defence ministry.
Department of the Treasury | Treasury Department; US Treasury; U.S. Treasury |
Office of Foreign Assets Control | OFAC |
Department of Commerce | Commerce Department; US Commerce Department |
Bureau of Industry and Security | |
Office of the United States Trade Representative | USTR; US Trade Representative |
National Security Council | NSC | The US National Security Council.
Central Intelligence Agency | CIA |
Federal Bureau of Investigation | FBI |
Director of National Intelligence | Office of the Director of National Intelligence; ODNI |
National Security Agency | NSA |
Department of Homeland Security | DHS |
US Congress | Congress; United States Congress; U.S. Congress |
US Senate | Senate; United States Senate |
House of Representatives | US House of Representatives |
Senate Foreign Relations Committee | |
House Foreign Affairs Committee | |
Congressional Research Service | CRS |
Government Accountability Office | GAO |
United States Forces Korea | USFK; US Forces Korea |
US Indo-Pacific Command | INDOPACOM; Indo-Pacific Command; US Pacific Command; PACOM |
Combined Forces Command | CFC | The US-South Korea combined command.
US Forces Japan | USFJ |
US Seventh Fleet | Seventh Fleet; 7th Fleet |
United States Army | US Army; U.S. Army |
United States Navy | US Navy; U.S. Navy |
United States Air Force | US Air Force; U.S. Air Force |
United States Marine Corps | US Marine Corps; Marine Corps |
Missile Defense Agency | MDA |
Export-Import Bank of the United States | US Export-Import Bank |
US Agency for International Development | USAID |
Ministry of Foreign Affairs of Japan | Japanese Foreign Ministry; Gaimusho |
Ministry of Defense of Japan | Japanese Defense Ministry; Japan's Defense Ministry |
Ministry of Economy, Trade and Industry | METI |
Japan Self-Defense Forces | Self-Defense Forces; SDF; JSDF |
Japan Maritime Self-Defense Force | JMSDF; Maritime Self-Defense Force |
National Diet | Diet; Japanese Diet |
Liberal Democratic Party | LDP | Japan's main governing party.
Komeito | |
Constitutional Democratic Party of Japan | CDP |
Japan External Trade Organization | JETRO |
Japan International Cooperation Agency | JICA |
Japan Bank for International Cooperation | JBIC |
Chongryon | General Association of Korean Residents in Japan; Chongryun | North Korea's association of ethnic Koreans in Japan.
Mindan | Korean Residents Union in Japan |
National People's Congress | NPC | China's parliament.
State Council of China | State Council |
Ministry of Foreign Affairs of China | Chinese Foreign Ministry; China's Foreign Ministry |
Ministry of Commerce of China | MOFCOM; Chinese Commerce Ministry |
Ministry of State Security of China | MSS |
People's Liberation Army | PLA | China's armed forces.
People's Liberation Army Navy | PLA Navy; PLAN |
Central Military Commission | CMC |
Politburo Standing Committee | |
China Coast Guard | |
Xinhua | Xinhua News Agency |
Ministry of Foreign Affairs of Russia | Russian Foreign Ministry |
Russian Armed Forces | Russian military |
Federal Security Service | FSB |
Wagner Group | Wagner |
State Duma | Duma |
TASS | |
Kuomintang | KMT |
Democratic Progressive Party | DPP | Taiwan's governing party.
"""

# Sources: the National Election Commission of Korea's register of parties (nec.go.kr) and the parties'
# English names.
PARTIES = """
Democratic Party of Korea | Democratic Party; Minjoo Party; DPK | South Korea's main liberal party.
People Power Party | PPP | South Korea's main conservative party.
Saenuri Party | Saenuri; New Frontier Party | South Korea's conservative party, 2012-2017.
Grand National Party | GNP | South Korea's conservative party, 1997-2012.
Liberty Korea Party | LKP | South Korea's conservative party, 2017-2020.
United Future Party | | South Korea's conservative party, 2020.
Uri Party | Yeollin Uri Party |
Justice Party | |
People's Party | |
Rebuilding Korea Party | |
Bareun Party | |
Reform Party | |
US Republican Party | GOP; Republicans; Republican Party |
US Democratic Party | Democrats |
United Russia | |
"""

# Sources: the think tanks' and universities' own English names; the Korea Economic Institute's
# "Korea's Economy" contributor affiliations; the University of Pennsylvania's Global Go To Think Tank Index.
RESEARCH_AND_MEDIA = """
Korea Economic Institute of America | KEI; Korea Economic Institute | A Washington think tank on Korea and the publisher of The Peninsula.
Korea Institute for National Unification | KINU |
Korea Development Institute | KDI |
Korea Institute for International Economic Policy | KIEP |
Korea Institute for Defense Analyses | KIDA |
Asan Institute for Policy Studies | Asan Institute |
Sejong Institute | |
East Asia Institute | EAI |
Korea National Diplomatic Academy | KNDA |
Institute for National Security Strategy | INSS |
Korea Energy Economics Institute | KEEI |
Korea Rural Economic Institute | |
Bank of Korea Economic Statistics System | ECOS |
Center for Strategic and International Studies | CSIS |
Brookings Institution | Brookings |
Council on Foreign Relations | CFR |
Carnegie Endowment for International Peace | Carnegie Endowment |
RAND Corporation | RAND |
Heritage Foundation | |
American Enterprise Institute | AEI |
Peterson Institute for International Economics | PIIE; Peterson Institute |
Stimson Center | Henry L. Stimson Center |
38 North | | The Stimson Center's website on North Korea.
Wilson Center | Woodrow Wilson International Center for Scholars |
Center for a New American Security | CNAS |
Atlantic Council | |
Hudson Institute | |
Cato Institute | |
Asia Society | |
The Korea Society | Korea Society |
National Committee on North Korea | NCNK |
Committee for Human Rights in North Korea | HRNK |
Daily NK | |
NK News | |
International Institute for Strategic Studies | IISS |
Stockholm International Peace Research Institute | SIPRI |
Chatham House | Royal Institute of International Affairs |
Lowy Institute | |
Japan Institute of International Affairs | JIIA |
Chinese Academy of Social Sciences | CASS |
Carnegie Moscow Center | |
Middlebury Institute of International Studies | James Martin Center for Nonproliferation Studies |
Seoul National University | SNU |
Korea University | |
Yonsei University | |
Kim Il Sung University | Kim Il-sung University |
Pyongyang University of Science and Technology | PUST |
Harvard University | Harvard |
Johns Hopkins School of Advanced International Studies | SAIS; Johns Hopkins SAIS |
Georgetown University | Georgetown |
George Washington University | GWU |
Stanford University | Stanford |
Columbia University | |
Peking University | |
Tsinghua University | |
University of Tokyo | |
Yonhap | Yonhap News Agency | South Korea's news agency.
KBS | Korean Broadcasting System |
MBC | Munhwa Broadcasting Corporation |
SBS | Seoul Broadcasting System |
JTBC | |
Chosun Ilbo | The Chosun Ilbo |
JoongAng Ilbo | The JoongAng Ilbo; JoongAng Daily; Korea JoongAng Daily |
Dong-A Ilbo | The Dong-A Ilbo |
Hankyoreh | The Hankyoreh |
Korea Herald | The Korea Herald |
Korea Times | The Korea Times |
Nikkei | Nihon Keizai Shimbun; Nikkei Asia |
Asahi Shimbun | The Asahi Shimbun |
Yomiuri Shimbun | The Yomiuri Shimbun |
Kyodo News | Kyodo |
NHK | |
Global Times | |
People's Daily | |
New York Times | The New York Times |
Washington Post | The Washington Post |
Wall Street Journal | The Wall Street Journal; WSJ |
Financial Times | The Financial Times; FT |
Reuters | |
Associated Press | AP |
Bloomberg | Bloomberg News |
The Economist | |
BBC | British Broadcasting Corporation |
CNN | |
Voice of America | VOA |
Radio Free Asia | RFA |
"""

# Sources: Korea Exchange (global.krx.co.kr), Japan Exchange Group, the exchanges' and index providers'
# English names, and the IMF's currency list (ISO 4217 codes as aliases).
MARKETS = """
KOSPI | Korea Composite Stock Price Index; KOSPI index | South Korea's main stock index.
KOSDAQ | | South Korea's growth-company market.
Korea Exchange | KRX |
Nikkei 225 | Nikkei Stock Average; Nikkei index |
TOPIX | Tokyo Stock Price Index |
Tokyo Stock Exchange | TSE |
Shanghai Stock Exchange | |
Shanghai Composite | SSE Composite; Shanghai Composite Index |
Shenzhen Stock Exchange | |
Hang Seng Index | Hang Seng |
Hong Kong Stock Exchange | HKEX |
Taiwan Stock Exchange | TWSE; TAIEX |
New York Stock Exchange | NYSE |
Nasdaq | NASDAQ; Nasdaq Composite |
S&P 500 | S&P; Standard & Poor's 500 |
Dow Jones Industrial Average | Dow Jones; the Dow |
MSCI | MSCI Emerging Markets Index; MSCI index |
FTSE Russell | FTSE |
Moody's | Moody's Investors Service |
Fitch Ratings | Fitch |
Korean won | KRW; South Korean won; the won | South Korea's currency.
North Korean won | | North Korea's currency.
Japanese yen | yen; JPY |
Chinese yuan | yuan; renminbi; RMB; CNY |
US dollar | dollar; USD; U.S. dollar |
Euro | euro; EUR |
Russian ruble | ruble; rouble; RUB |
Bitcoin | bitcoin |
"""

# Sources: the UN Treaty Collection, the US Trade Representative's and Korea's FTA portal
# (fta.go.kr/main/situation/kfta/ov/), and the defence ministries' English names for their systems.
AGREEMENTS_AND_SYSTEMS = """
KORUS FTA | KORUS; Korea-US Free Trade Agreement; US-Korea Free Trade Agreement; Korea-U.S. Free Trade Agreement | The United States-Korea free trade agreement, in force since 2012.
Korea-EU Free Trade Agreement | EU-Korea FTA; Korea-EU FTA |
Korea-China Free Trade Agreement | Korea-China FTA; China-Korea FTA |
Regional Comprehensive Economic Partnership | RCEP |
Trans-Pacific Partnership | TPP |
Comprehensive and Progressive Agreement for Trans-Pacific Partnership | CPTPP |
Indo-Pacific Economic Framework | IPEF | The US-led Indo-Pacific Economic Framework for Prosperity.
Belt and Road Initiative | BRI; One Belt, One Road; Belt and Road |
Chips and Science Act | CHIPS Act; CHIPS and Science Act |
Inflation Reduction Act | IRA |
Treaty on the Non-Proliferation of Nuclear Weapons | NPT; Non-Proliferation Treaty; Nuclear Non-Proliferation Treaty |
Comprehensive Nuclear-Test-Ban Treaty | CTBT |
Treaty on the Prohibition of Nuclear Weapons | TPNW |
Intermediate-Range Nuclear Forces Treaty | INF Treaty |
New START | |
Joint Comprehensive Plan of Action | JCPOA; Iran nuclear deal |
Agreed Framework | | The 1994 US-North Korea nuclear deal.
Korean Armistice Agreement | Armistice Agreement; armistice agreement | The 1953 agreement that halted the Korean War.
Mutual Defense Treaty | US-ROK Mutual Defense Treaty | The 1953 US-South Korea alliance treaty.
US-Japan Security Treaty | Treaty of Mutual Cooperation and Security |
Treaty on Basic Relations between Japan and the Republic of Korea | Japan-Korea Basic Treaty; 1965 treaty; Treaty on Basic Relations |
Sino-North Korean Mutual Aid and Cooperation Friendship Treaty | Sino-North Korean friendship treaty |
Treaty on Comprehensive Strategic Partnership | | The 2024 Russia-North Korea mutual defence treaty.
Special Measures Agreement | SMA | The US-South Korea agreement on sharing the cost of US troops.
General Security of Military Information Agreement | GSOMIA |
Comprehensive Military Agreement | September 19 military agreement | The 2018 inter-Korean military agreement.
Panmunjom Declaration | | The April 2018 inter-Korean summit declaration.
Pyongyang Joint Declaration | September Pyongyang Joint Declaration |
Singapore Joint Statement | | The June 2018 Trump-Kim summit statement.
September 19 Joint Statement | September 2005 Joint Statement | The 2005 Six-Party Talks statement.
Leap Day Deal | Leap Day Agreement | The February 2012 US-North Korea deal.
June 15 North-South Joint Declaration | June 15 Joint Declaration |
Sunshine Policy | | Kim Dae-jung's policy of engagement with North Korea.
Trustpolitik | trustpolitik | Park Geun-hye's North Korea policy.
New Southern Policy | | Moon Jae-in's policy towards Southeast Asia and India.
New Northern Policy | | Moon Jae-in's policy towards Russia and Eurasia.
Audacious Initiative | | Yoon Suk-yeol's offer of aid for North Korean denuclearization.
Byungjin | byungjin; Byungjin line | North Korea's parallel pursuit of nuclear arms and growth, 2013-2018.
Juche | juche | North Korea's state ideology of self-reliance.
Songun | songun; military-first policy | Kim Jong-il's military-first politics.
Indo-Pacific Strategy | Free and Open Indo-Pacific; FOIP |
Camp David Summit | Camp David summit; Camp David Principles | The August 2023 US-Japan-South Korea summit.
Washington Declaration | | The April 2023 US-South Korea nuclear consultation agreement.
Nuclear Consultative Group | NCG |
Terminal High Altitude Area Defense | THAAD | The US missile defence system deployed in South Korea in 2017.
Patriot missile system | Patriot; PAC-3 |
Aegis | Aegis Ashore; Aegis Combat System |
Korea Air and Missile Defense | KAMD |
Kill Chain | kill chain |
Korea Massive Punishment and Retaliation | KMPR |
Iron Dome | |
Hwasong-14 | Hwasong 14 | A North Korean intercontinental ballistic missile.
Hwasong-15 | Hwasong 15 |
Hwasong-17 | Hwasong 17 |
Hwasong-18 | Hwasong 18 |
Pukguksong | Pukguksong-3 | North Korea's submarine-launched ballistic missiles.
Taepodong | Taepodong-2 |
Nodong | Rodong missile |
KN-23 | |
Unha | Unha-3 |
Malligyong-1 | | North Korea's military reconnaissance satellite.
Kwangmyongsong | Kwangmyongsong-4 |
K-pop | K-Pop; Korean pop music |
Hallyu | Korean Wave |
Ulchi Freedom Shield | UFS; Ulchi Freedom Guardian; UFG | The annual US-South Korea summer exercise.
Foal Eagle | | The annual US-South Korea spring exercise, to 2018.
Key Resolve | | The annual US-South Korea command-post exercise, to 2018.
Freedom Shield | | The US-South Korea spring exercise since 2022.
RIMPAC | Rim of the Pacific Exercise |
Freedom Edge | | The US-Japan-South Korea trilateral exercise.
"""

# Sources: the events' organisers (olympics.com, apec.org, g20.org, Shangri-La Dialogue at iiss.org).
EVENTS = """
Korean War | | The 1950-1953 war.
Korean War Armistice Day | | 
Vietnam War | |
World War II | Second World War; WWII |
Cold War | |
Gulf War | |
Russia-Ukraine war | war in Ukraine; Ukraine war |
Asian Financial Crisis | Asian financial crisis; 1997 financial crisis; IMF crisis |
Global Financial Crisis | global financial crisis; 2008 financial crisis |
Great Recession | |
COVID-19 pandemic | COVID-19; Covid-19; coronavirus pandemic; COVID; Covid |
Arduous March | | North Korea's famine of the 1990s.
Gwangju Uprising | Gwangju Democratization Movement; May 18 Democratic Uprising |
June Democratic Struggle | June Struggle |
Candlelight Revolution | candlelight protests; Candlelight protests |
Sewol ferry disaster | Sewol | The April 2014 ferry sinking.
Cheonan sinking | sinking of the Cheonan; ROKS Cheonan | The March 2010 sinking of a South Korean corvette.
Yeonpyeong Island shelling | shelling of Yeonpyeong; bombardment of Yeonpyeong Island | North Korea's November 2010 artillery attack.
Fukushima nuclear disaster | Fukushima Daiichi; Fukushima disaster |
Tiananmen Square protests | Tiananmen | 
Comfort women | comfort women | Women forced into sexual slavery by Imperial Japan's military.
Forced labor ruling | forced labor ruling; forced labour ruling | South Korea's 2018 Supreme Court rulings on wartime forced labour.
Martial law declaration of 2024 | martial law declaration; December 3 martial law |
PyeongChang 2018 | PyeongChang Winter Olympics; Pyeongchang Winter Olympics; 2018 Winter Olympics; PyeongChang Olympics | The 2018 Winter Olympics in PyeongChang, South Korea.
Tokyo 2020 | Tokyo Olympics; 2020 Summer Olympics |
Beijing 2022 | Beijing Winter Olympics; 2022 Winter Olympics |
Seoul 1988 | Seoul Olympics; 1988 Summer Olympics |
Paris 2024 | Paris Olympics |
2002 FIFA World Cup | 2002 World Cup |
Expo 2025 | Osaka Expo |
APEC summit | APEC Leaders' Meeting; APEC Economic Leaders' Meeting |
G20 summit | G-20 summit |
G7 summit | G-7 summit |
NATO summit | |
Shangri-La Dialogue | | The IISS Asia Security Summit in Singapore.
Munich Security Conference | |
Davos | World Economic Forum annual meeting |
Jeju Forum | Jeju Forum for Peace and Prosperity |
Eastern Economic Forum | | Russia's annual forum in Vladivostok.
Boao Forum for Asia | Boao Forum |
Raisina Dialogue | |
Nuclear Security Summit | |
Summit for Democracy | |
Seventh Party Congress | 7th Party Congress | The Workers' Party of Korea's 2016 congress.
Eighth Party Congress | 8th Party Congress | The Workers' Party of Korea's 2021 congress.
Ninth Party Congress | 9th Party Congress |
20th Party Congress | Twentieth Party Congress | The Chinese Communist Party's 2022 congress.
Two Sessions | two sessions | China's annual sessions of its parliament and advisory body.
Singapore summit | Singapore Summit | The June 2018 Trump-Kim summit.
Hanoi summit | Hanoi Summit | The February 2019 Trump-Kim summit.
Inter-Korean summit | inter-Korean summit | A summit between the leaders of the two Koreas.
Day of the Sun | | Kim Il-sung's birthday, April 15.
Victory Day | | North Korea's name for the armistice anniversary, July 27.
Chuseok | | The Korean harvest festival.
Lunar New Year | Seollal |
"""

# Sources: the Korean government's English place names (Revised Romanization, korea.net), the Korean
# Geographical Names Committee, Japan's Geospatial Information Authority and the IHO's names of seas.
REGIONS_AND_SITES = """
Korean Peninsula | Korean peninsula | The peninsula the two Koreas share.
Demilitarized Zone | DMZ; demilitarized zone | The border strip between the two Koreas.
Camp David | | The US presidential retreat in Maryland.
Panmunjom | Joint Security Area; JSA; Truce village | The truce village on the inter-Korean border.
Northern Limit Line | NLL | The de facto maritime border in the Yellow Sea.
Military Demarcation Line | MDL |
Yellow Sea | West Sea |
Sea of Japan | East Sea |
East China Sea | |
South China Sea | |
Taiwan Strait | |
Korea Strait | Tsushima Strait |
Sea of Okhotsk | |
Pacific Ocean | Pacific |
Indian Ocean | |
Indo-Pacific | |
Asia | |
Europe | |
Northeast Asia | North East Asia |
Southeast Asia | South East Asia |
East Asia | |
Central Asia | |
South Asia | |
Middle East | |
Asia-Pacific | Asia Pacific |
Arctic | |
Dokdo | Takeshima; Liancourt Rocks | Islets administered by South Korea and claimed by Japan.
Senkaku Islands | Diaoyu Islands; Senkakus | Islands administered by Japan and claimed by China.
Kuril Islands | Northern Territories; Kurils |
Spratly Islands | Spratlys |
Paracel Islands | Paracels |
Scarborough Shoal | |
Yeonpyeong Island | Yeonpyeong |
Baengnyeong Island | |
Jeju | Jeju Island; Jeju Province; Jeju-do | South Korea's southern island province.
Gyeonggi Province | Gyeonggi; Gyeonggi-do |
Gangwon Province | Gangwon; Gangwon-do | South Korea's north-eastern province.
North Chungcheong Province | Chungcheongbuk-do |
South Chungcheong Province | Chungcheongnam-do |
North Jeolla Province | Jeollabuk-do; Jeonbuk |
South Jeolla Province | Jeollanam-do |
North Gyeongsang Province | Gyeongsangbuk-do |
South Gyeongsang Province | Gyeongsangnam-do |
Sejong City | Sejong | South Korea's administrative capital.
Busan | Pusan | South Korea's second city.
Incheon | Inchon |
Daegu | Taegu |
Daejeon | Taejon |
Gwangju | Kwangju |
Ulsan | |
Suwon | |
Changwon | |
Pohang | |
Pyeongtaek | | Site of Camp Humphreys, the largest US base abroad.
Camp Humphreys | |
Gangneung | |
PyeongChang | Pyeongchang | The county in Gangwon Province that hosted the 2018 Winter Olympics.
Geoje | |
Yeosu | |
Gunsan | |
Songdo | |
Yongsan | Yongsan Garrison |
Gangnam | |
Seongju | | Where THAAD was deployed in 2017.
South Hamgyong Province | South Hamgyong |
North Hamgyong Province | North Hamgyong |
South Pyongan Province | South Pyongan |
North Pyongan Province | North Pyongan |
South Hwanghae Province | South Hwanghae |
North Hwanghae Province | North Hwanghae |
Ryanggang Province | Ryanggang; Yanggang |
Chagang Province | Chagang |
Kangwon Province | | North Korea's south-eastern province.
Rason | Rason Special Economic Zone; Rajin-Sonbong | North Korea's north-eastern special economic zone.
Sinuiju | Sinŭiju | North Korea's city on the Chinese border.
Kaesong | Kaesŏng |
Kaesong Industrial Complex | Kaesong Industrial Region; Kaesong industrial park | The inter-Korean industrial zone at Kaesong, 2004-2016.
Nampo | Namp'o |
Wonsan | Wŏnsan | North Korean port city and resort.
Wonsan-Kalma | Wonsan-Kalma coastal tourist zone |
Hamhung | Hamhŭng |
Chongjin | |
Hyesan | |
Yongbyon | Yongbyon Nuclear Scientific Research Center | North Korea's main nuclear complex.
Punggye-ri | Punggye-ri nuclear test site | North Korea's nuclear test site.
Sohae Satellite Launching Station | Sohae; Tongchang-ri | North Korea's west-coast launch site.
Tonghae Satellite Launching Ground | Musudan-ri |
Mount Kumgang | Kumgangsan; Mount Kumgang resort; Mt. Kumgang | North Korean mountain resort once toured by South Koreans.
Mount Paektu | Paektusan; Changbai Mountain |
Masikryong Ski Resort | Masikryong |
Tumen River | Tumen |
Yalu River | Yalu |
Dandong | |
Xi'an | Xian | The capital of Shaanxi Province, China, where Samsung makes memory chips. The Chinese border city across the Yalu from Sinuiju.
Yanbian | Yanbian Korean Autonomous Prefecture |
Vladivostok | |
Russian Far East | Far East |
Khasan | |
Sakhalin | |
Okinawa | |
Hokkaido | |
Kyushu | |
Tsushima | Tsushima Island |
Yokosuka | |
Hawaii | |
Diego Garcia | |
Xinjiang | |
Tibet | |
Inner Mongolia | |
Manchuria | |
Northeast China | |
Silicon Valley | |
Wall Street | |
Capitol Hill | |
Yasukuni Shrine | Yasukuni | The Tokyo shrine honouring Japan's war dead, war criminals among them.
"""

# Sources: the Korea Economic Institute's own topic pages and the Peninsula's category and tag list,
# worded as the common words writers use (the lower-case forms match mid-sentence).
TOPICS = """
Sanctions | sanctions; economic sanctions |
Nuclear program | nuclear program; nuclear programme; uranium enrichment; nuclear weapons program; nuclear weapons programme |
Missiles | missiles; missile tests; missile test; missile launches; missile launch; ballistic missiles; ballistic missile |
Trade | trade; trade relations |
Economic reform | economic reform; economic reforms; special economic zones |
Foreign policy | foreign policy; diplomacy |
Unification | unification; reunification; Korean unification | Reunifying the two Koreas.
Human rights | human rights; human rights abuses |
Alliances | alliance; alliances; US-ROK alliance; US-Japan alliance; US-South Korea alliance; Korea-US alliance |
Energy | energy; energy security; oil; natural gas; LNG |
Denuclearization | denuclearization; denuclearisation; nuclear disarmament |
Cybersecurity | cybersecurity; cyber security; cyberattack; cyberattacks; hacking; cybercrime |
Food security | food security; food shortages; famine; food aid |
Humanitarian aid | humanitarian aid; humanitarian assistance |
Defectors | defector; defectors; refugees; escapees |
Military exercises | military exercises; joint exercises; military drills; joint drills |
Inter-Korean relations | inter-Korean relations; inter-Korean ties; inter-Korean cooperation |
Investment | investment; foreign investment; foreign direct investment; FDI |
Tourism | tourism; tourists |
Climate change | climate change; climate policy; carbon neutrality; net zero |
Semiconductors | semiconductors; semiconductor; chips; chipmakers; memory chips |
Shipbuilding | shipbuilding; shipyards; shipbuilders |
Demographics | demographics; ageing population; aging population; birth rate; fertility rate; low fertility |
Tariffs | tariff; tariffs |
Free trade agreements | free trade agreement; free trade agreements; FTA; FTAs |
Currency | exchange rate; exchange rates; currency |
Public health | public health; pandemic |
Monetary policy | monetary policy; interest rates; interest rate; rate hike; rate cut; base rate |
Inflation | inflation; consumer prices |
Economic growth | economic growth; GDP; gross domestic product; growth forecast |
Supply chains | supply chains; supply chain |
Export controls | export controls; export control |
Exports | exports; exporters |
Labor | labor market; labour market; labor unions; trade unions; minimum wage |
Housing | housing market; house prices; housing prices |
Household debt | household debt |
Elections | election; elections; presidential election; general election; local elections |
Impeachment | impeachment |
Nuclear energy | nuclear power; nuclear energy; nuclear power plants; nuclear reactors |
Renewable energy | renewable energy; renewables; solar power; wind power |
Electric vehicles | electric vehicles; electric vehicle; EVs; EV batteries |
Artificial intelligence | artificial intelligence; AI |
Space | space program; space launch; satellites; satellite launch |
Defense spending | defense spending; defence spending; defense budget; defence budget; burden sharing; cost-sharing |
Extended deterrence | extended deterrence; nuclear umbrella |
Missile defense | missile defense; missile defence |
Nuclear tests | nuclear test; nuclear tests |
Arms control | arms control; nonproliferation; non-proliferation |
Military | armed forces; troops |
Development aid | development assistance; official development assistance; ODA; foreign aid |
Migration | migrant workers; immigration; migration |
Education | education |
Gender | gender equality; gender gap |
Media freedom | press freedom; media freedom |
Corruption | corruption; bribery |
Historical disputes | history issues; historical issues; history disputes; historical disputes |
Territorial disputes | territorial dispute; territorial disputes; territorial claims |
North Korean economy | markets in North Korea; jangmadang; donju |
Soft power | soft power; cultural diplomacy; public diplomacy |
Fisheries | fisheries; fishing; fishing boats |
Agriculture | agriculture; farming; rice |
Infrastructure | infrastructure; railways; railway; rail links |
Finance | financial markets; capital markets; banking |
Stock markets | stock market; stock markets; equities |
Startups | startups; start-ups; venture capital |
Automobiles | automakers; carmakers; car industry; auto industry |
Steel | steel; steelmakers |
Batteries | batteries; battery makers |
Pop culture | pop culture; K-drama; K-dramas |
Reconciliation | reconciliation |
Peace process | peace process; peace treaty; end-of-war declaration |
Chaebol | chaebol; conglomerates | South Korea's family-run business groups.
Protectionism | protectionism |
Globalization | globalization; globalisation |
Geopolitics | geopolitics; great power competition; great-power competition; US-China rivalry; US-China competition |
"""
