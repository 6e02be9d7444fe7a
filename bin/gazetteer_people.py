"""People for the gazetteer, with the offices they held and when (read by bin/build_gazetteer.py).

One person a line: ``Name | aliases (;) | office: titles (/), start, end [+ office: titles, start, end ...]``.
Titles are the words written straight before the surname ("President Moon", "Foreign Minister Wang");
an empty end means still in office. The surname is the first word of an East Asian name written family
name first ("Moon Jae-in", "Xi Jinping") and the last word otherwise; ``~Surname`` as the first alias
overrides that. Corporate chairmen carry the firm in their title ("Samsung Chairman") so that a bare
"Chairman Kim" stays with the one head of state who held that title.

Sources: the office-holder lists of each government and body on Wikipedia (List of presidents of South
Korea, List of prime ministers of Japan, List of foreign ministers of South Korea, Minister of
Unification, Governor of the Bank of Korea, Secretary-General of the United Nations, Director General
of the IAEA ...), checked against the bodies' own pages (president.go.kr, kantei.go.jp, mofa.go.kr,
unikorea.go.kr, bok.or.kr, state.gov/history, un.org). Dates are those of taking and leaving office.
"""

PEOPLE = """
# North Korea
Kim Il-sung | Great Leader | Premier of North Korea: Premier, 1948-09-09, 1972-12-28 + President of North Korea: President, 1972-12-28, 1994-07-08
Kim Jong-il | Dear Leader | Chairman of the National Defence Commission: Chairman, 1993-04-09, 2011-12-17 + General Secretary of the Workers' Party of Korea: General Secretary, 1997-10-08, 2011-12-17
Kim Jong-un | | Supreme Leader of North Korea: Supreme Leader/Leader/Marshal, 2011-12-17, + First Secretary of the Workers' Party of Korea: First Secretary, 2012-04-11, 2016-05-09 + Chairman of the State Affairs Commission: Chairman, 2016-05-09, 2021-01-17 + President of the State Affairs of North Korea: President, 2021-01-17, + General Secretary of the Workers' Party of Korea: General Secretary, 2021-01-10,
Kim Yong-nam | | President of the Presidium of the Supreme People's Assembly: President, 1998-09-05, 2019-04-11
Choe Ryong-hae | | President of the Presidium of the Supreme People's Assembly: President, 2019-04-11,
Kim Yo-jong | |
Kim Yong-chol | | Director of the United Front Department: Director, 2016-01-01, 2019-04-11
Kim Kye-gwan | | First Vice Foreign Minister of North Korea: Vice Foreign Minister, 2010-09-28, 2019-12-31
Jang Song-thaek | Chang Song-taek |
Hwang Pyong-so | |
Ri Son-gwon | | Foreign Minister of North Korea: Foreign Minister, 2020-01-18, 2022-06-11
Ri Yong-ho | | Foreign Minister of North Korea: Foreign Minister, 2016-05-09, 2020-01-18
Ri Su-yong | | Foreign Minister of North Korea: Foreign Minister, 2014-04-09, 2016-05-09
Ri Kil-song | |
Choe Son-hui | | Foreign Minister of North Korea: Foreign Minister, 2022-06-11,
Pak Ui-chun | | Foreign Minister of North Korea: Foreign Minister, 2007-05-18, 2014-04-09
Pak Pong-ju | | Premier of North Korea: Premier, 2013-04-01, 2019-04-11
Kim Jae-ryong | | Premier of North Korea: Premier, 2019-04-11, 2020-08-13
Kim Tok-hun | | Premier of North Korea: Premier, 2020-08-13, 2024-12-30
Pak Thae-song | | Premier of North Korea: Premier, 2024-12-30,
Ri Sol-ju | |
Kim Jong-nam | |
Hyon Song-wol | |
Thae Yong-ho | Thae Yong Ho |
Kim Song | | Ambassador of North Korea to the United Nations: Ambassador, 2014-09-01,
Ri Chun-hee | |
Kim Yong-chun | |
# South Korea: presidents and acting presidents
Syngman Rhee | ~Rhee; Rhee Syng-man | President of South Korea: President, 1948-07-24, 1960-04-26
Heo Jeong | Huh Chung | Acting President of South Korea: Acting President, 1960-04-27, 1960-06-15
Yun Po-sun | | President of South Korea: President, 1960-08-13, 1962-03-24
Park Chung-hee | | President of South Korea: President, 1962-03-24, 1979-10-26
Choi Kyu-hah | | President of South Korea: President, 1979-12-06, 1980-08-16
Park Choong-hoon | | Acting President of South Korea: Acting President, 1980-08-16, 1980-09-01
Chun Doo-hwan | | President of South Korea: President, 1980-09-01, 1988-02-24
Roh Tae-woo | | President of South Korea: President, 1988-02-25, 1993-02-24
Kim Young-sam | | President of South Korea: President, 1993-02-25, 1998-02-24
Kim Dae-jung | DJ | President of South Korea: President, 1998-02-25, 2003-02-24
Roh Moo-hyun | | President of South Korea: President, 2003-02-25, 2008-02-24
Goh Kun | Koh Kun | Prime Minister of South Korea: Prime Minister, 2003-02-27, 2004-05-24 + Acting President of South Korea: Acting President, 2004-03-12, 2004-05-14
Lee Myung-bak | | President of South Korea: President, 2008-02-25, 2013-02-24
Park Geun-hye | | President of South Korea: President, 2013-02-25, 2017-03-10
Hwang Kyo-ahn | | Prime Minister of South Korea: Prime Minister, 2015-06-18, 2017-05-11 + Acting President of South Korea: Acting President, 2016-12-09, 2017-05-10
Moon Jae-in | Moon | President of South Korea: President, 2017-05-10, 2022-05-09
Yoon Suk-yeol | Yoon Suk Yeol; Yoon | President of South Korea: President, 2022-05-10, 2025-04-04 + Prosecutor General of South Korea: Prosecutor General, 2019-07-25, 2021-03-04
Han Duck-soo | | Prime Minister of South Korea: Prime Minister, 2022-05-21, 2025-05-01 + Acting President of South Korea: Acting President, 2024-12-14, 2024-12-27
Choi Sang-mok | | Finance Minister of South Korea: Finance Minister, 2023-12-29, 2025-04-02 + Acting President of South Korea: Acting President, 2024-12-27, 2025-03-24
Lee Jae-myung | | President of South Korea: President, 2025-06-04, + Governor of Gyeonggi Province: Governor, 2018-07-01, 2021-10-25
# South Korea: prime ministers, ministers, speakers, mayors
Chung Hong-won | | Prime Minister of South Korea: Prime Minister, 2013-02-26, 2015-02-16
Lee Wan-koo | | Prime Minister of South Korea: Prime Minister, 2015-02-17, 2015-04-27
Lee Nak-yon | Lee Nak-yeon | Prime Minister of South Korea: Prime Minister, 2017-05-31, 2020-01-14
Chung Sye-kyun | | Prime Minister of South Korea: Prime Minister, 2020-01-14, 2021-05-14 + Speaker of the National Assembly: Speaker, 2016-06-09, 2018-05-29
Kim Boo-kyum | | Prime Minister of South Korea: Prime Minister, 2021-05-14, 2022-05-12
Kim Min-seok | | Prime Minister of South Korea: Prime Minister, 2025-07-03,
Kim Hwang-sik | | Prime Minister of South Korea: Prime Minister, 2010-10-01, 2013-02-26
Ban Ki-moon | | Foreign Minister of South Korea: Foreign Minister, 2004-01-17, 2006-11-09 + Secretary-General of the United Nations: Secretary-General/Secretary General, 2007-01-01, 2016-12-31
Yun Byung-se | | Foreign Minister of South Korea: Foreign Minister, 2013-03-11, 2017-06-18
Kang Kyung-wha | | Foreign Minister of South Korea: Foreign Minister, 2017-06-18, 2021-02-08
Chung Eui-yong | | Foreign Minister of South Korea: Foreign Minister, 2021-02-09, 2022-05-11 + National Security Adviser of South Korea: National Security Adviser, 2017-05-21, 2020-07-03
Park Jin | | Foreign Minister of South Korea: Foreign Minister, 2022-05-12, 2024-01-10
Cho Tae-yul | | Foreign Minister of South Korea: Foreign Minister, 2024-01-12, 2025-07-19
Cho Hyun | | Foreign Minister of South Korea: Foreign Minister, 2025-07-19,
Ryoo Kihl-jae | | Minister of Unification: Unification Minister, 2013-03-11, 2015-03-16
Hong Yong-pyo | | Minister of Unification: Unification Minister, 2015-03-17, 2017-07-03
Cho Myoung-gyon | | Minister of Unification: Unification Minister, 2017-07-03, 2019-04-08
Kim Yeon-chul | | Minister of Unification: Unification Minister, 2019-04-08, 2020-06-19
Lee In-young | | Minister of Unification: Unification Minister, 2020-07-27, 2022-05-12
Kwon Young-se | | Minister of Unification: Unification Minister, 2022-05-13, 2023-07-27
Kim Yung-ho | | Minister of Unification: Unification Minister, 2023-07-28, 2025-07-24
Chung Dong-young | | Minister of Unification: Unification Minister, 2025-07-25,
Han Min-koo | | Minister of National Defense: Defense Minister, 2014-06-30, 2017-07-14
Song Young-moo | | Minister of National Defense: Defense Minister, 2017-07-14, 2018-09-21
Jeong Kyeong-doo | | Minister of National Defense: Defense Minister, 2018-09-21, 2020-09-18
Suh Wook | | Minister of National Defense: Defense Minister, 2020-09-18, 2022-05-10
Lee Jong-sup | | Minister of National Defense: Defense Minister, 2022-05-10, 2023-10-06
Shin Won-sik | | Minister of National Defense: Defense Minister, 2023-10-07, 2024-09-06
Kim Yong-hyun | | Minister of National Defense: Defense Minister, 2024-09-06, 2024-12-05
Hong Nam-ki | | Finance Minister of South Korea: Finance Minister, 2018-12-10, 2021-12-31
Choo Kyung-ho | | Finance Minister of South Korea: Finance Minister, 2022-05-10, 2023-12-28
Moon Hee-sang | | Speaker of the National Assembly: Speaker, 2018-07-13, 2020-05-29
Woo Won-shik | | Speaker of the National Assembly: Speaker, 2024-06-05,
Park Won-soon | | Mayor of Seoul: Mayor, 2011-10-27, 2020-07-09
Oh Se-hoon | | Mayor of Seoul: Mayor, 2021-04-08,
Lim Jong-seok | |
Suh Hoon | | Director of the National Intelligence Service: NIS Director, 2017-06-01, 2020-07-03
Cho Kuk | | Minister of Justice: Justice Minister, 2019-09-09, 2019-10-14
Choo Mi-ae | |
Ahn Cheol-soo | |
Hong Joon-pyo | |
Lee Jun-seok | |
Han Dong-hoon | |
Kim Moon-soo | |
Yoo Seong-min | |
Sim Sang-jung | |
Lee Hoi-chang | |
Kim Jong-pil | |
Choi Soon-sil | Choi Seo-won |
# South Korean business
Lee Byung-chul | |
Lee Kun-hee | | Chairman of Samsung: Samsung Chairman, 1987-12-01, 2020-10-25
Lee Jae-yong | Jay Y. Lee; Jay Y Lee | Chairman of Samsung Electronics: Samsung Chairman, 2022-10-27,
Chung Ju-yung | |
Chung Mong-koo | | Chairman of Hyundai Motor Group: Hyundai Chairman, 2000-09-01, 2020-10-14
Chung Eui-sun | | Chairman of Hyundai Motor Group: Hyundai Chairman, 2020-10-14,
Chey Tae-won | | Chairman of SK Group: SK Chairman, 1998-09-01,
Koo Kwang-mo | | Chairman of LG Group: LG Chairman, 2018-06-29,
Shin Dong-bin | | Chairman of Lotte Group: Lotte Chairman, 2011-02-10,
Kim Seung-youn | | Chairman of Hanwha Group: Hanwha Chairman, 1981-08-01, 2024-12-31
Bang Si-hyuk | |
# Central bankers
Kim Choong-soo | | Governor of the Bank of Korea: Governor/BOK Governor, 2010-04-01, 2014-03-31
Lee Ju-yeol | | Governor of the Bank of Korea: Governor/BOK Governor, 2014-04-01, 2022-03-31
Rhee Chang-yong | | Governor of the Bank of Korea: Governor/BOK Governor, 2022-04-21,
Masaaki Shirakawa | | Governor of the Bank of Japan: Governor/BOJ Governor, 2008-04-09, 2013-03-19
Haruhiko Kuroda | Kuroda | Governor of the Bank of Japan: Governor/BOJ Governor, 2013-03-20, 2023-04-08
Kazuo Ueda | | Governor of the Bank of Japan: Governor/BOJ Governor, 2023-04-09,
Zhou Xiaochuan | | Governor of the People's Bank of China: Governor, 2002-12-01, 2018-03-19
Yi Gang | | Governor of the People's Bank of China: Governor, 2018-03-19, 2023-07-25
Pan Gongsheng | | Governor of the People's Bank of China: Governor, 2023-07-25,
Alan Greenspan | Greenspan | Chair of the Federal Reserve: Chairman/Chair/Fed Chairman/Fed Chair, 1987-08-11, 2006-01-31
Ben Bernanke | Bernanke | Chair of the Federal Reserve: Chairman/Chair/Fed Chairman/Fed Chair, 2006-02-01, 2014-01-31
Janet Yellen | Yellen | Chair of the Federal Reserve: Chairman/Chair/Fed Chairman/Fed Chair, 2014-02-03, 2018-02-03 + Secretary of the Treasury: Treasury Secretary/Secretary, 2021-01-26, 2025-01-20
Jerome Powell | | Chair of the Federal Reserve: Chairman/Chair/Fed Chairman/Fed Chair, 2018-02-05,
Mario Draghi | Draghi | President of the European Central Bank: ECB President, 2011-11-01, 2019-10-31
Christine Lagarde | Lagarde | Managing Director of the IMF: Managing Director, 2011-07-05, 2019-09-12 + President of the European Central Bank: ECB President, 2019-11-01,
Kristalina Georgieva | Georgieva | Managing Director of the IMF: Managing Director, 2019-10-01,
# United States
Jimmy Carter | | President of the United States: President, 1977-01-20, 1981-01-20
Ronald Reagan | Reagan | President of the United States: President, 1981-01-20, 1989-01-20
George H. W. Bush | George H.W. Bush; George Bush | President of the United States: President, 1989-01-20, 1993-01-20
Bill Clinton | | President of the United States: President, 1993-01-20, 2001-01-20
George W. Bush | | President of the United States: President, 2001-01-20, 2009-01-20
Barack Obama | Obama | President of the United States: President, 2009-01-20, 2017-01-20
Donald Trump | Trump | President of the United States: President, 2017-01-20, 2021-01-20 + President of the United States: President, 2025-01-20,
Joe Biden | Biden | Vice President of the United States: Vice President, 2009-01-20, 2017-01-20 + President of the United States: President, 2021-01-20, 2025-01-20
Dick Cheney | | Vice President of the United States: Vice President, 2001-01-20, 2009-01-20
Mike Pence | Pence | Vice President of the United States: Vice President, 2017-01-20, 2021-01-20
Kamala Harris | | Vice President of the United States: Vice President, 2021-01-20, 2025-01-20
JD Vance | J. D. Vance; J.D. Vance | Vice President of the United States: Vice President, 2025-01-20,
Madeleine Albright | | Secretary of State: Secretary of State/Secretary, 1997-01-23, 2001-01-20
Colin Powell | | Secretary of State: Secretary of State/Secretary, 2001-01-20, 2005-01-26
Condoleezza Rice | | Secretary of State: Secretary of State/Secretary, 2005-01-26, 2009-01-20
Hillary Clinton | | Secretary of State: Secretary of State/Secretary, 2009-01-21, 2013-02-01
John Kerry | Kerry | Secretary of State: Secretary of State/Secretary, 2013-02-01, 2017-01-20
Rex Tillerson | Tillerson | Secretary of State: Secretary of State/Secretary, 2017-02-01, 2018-03-31
Mike Pompeo | Pompeo | Secretary of State: Secretary of State/Secretary, 2018-04-26, 2021-01-20
Antony Blinken | Blinken | Secretary of State: Secretary of State/Secretary, 2021-01-26, 2025-01-20
Marco Rubio | Rubio | Secretary of State: Secretary of State/Secretary, 2025-01-21,
Robert Gates | | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2006-12-18, 2011-07-01
Leon Panetta | Panetta | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2011-07-01, 2013-02-26
Chuck Hagel | Hagel | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2013-02-27, 2015-02-17
Ash Carter | Ashton Carter | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2015-02-17, 2017-01-20
Jim Mattis | James Mattis; Mattis | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2017-01-20, 2019-01-01
Mark Esper | Esper | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2019-07-23, 2020-11-09
Lloyd Austin | | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2021-01-22, 2025-01-20
Pete Hegseth | Hegseth | Secretary of Defense: Defense Secretary/Secretary of Defense/Secretary, 2025-01-25,
Susan Rice | | National Security Adviser: National Security Adviser, 2013-07-01, 2017-01-20
H. R. McMaster | H.R. McMaster; McMaster | National Security Adviser: National Security Adviser, 2017-02-20, 2018-04-09
John Bolton | Bolton | National Security Adviser: National Security Adviser, 2018-04-09, 2019-09-10
Robert O'Brien | | National Security Adviser: National Security Adviser, 2019-09-18, 2021-01-20
Jake Sullivan | | National Security Adviser: National Security Adviser, 2021-01-20, 2025-01-20
Kurt Campbell | | Assistant Secretary of State for East Asian and Pacific Affairs: Assistant Secretary, 2009-06-26, 2013-02-08 + Deputy Secretary of State: Deputy Secretary, 2024-02-12, 2025-01-20
Daniel Russel | | Assistant Secretary of State for East Asian and Pacific Affairs: Assistant Secretary, 2013-07-12, 2017-03-08
Christopher Hill | | Assistant Secretary of State for East Asian and Pacific Affairs: Assistant Secretary, 2005-04-08, 2009-04-13
Stephen Biegun | Biegun | Special Representative for North Korea: Special Representative, 2018-08-23, 2021-01-20
Sung Kim | | Special Representative for North Korea: Special Representative, 2021-05-21, 2023-06-30 + Ambassador of the United States to South Korea: Ambassador, 2011-11-03, 2014-10-24
Joseph Yun | | Special Representative for North Korea Policy: Special Representative, 2016-10-01, 2018-03-02
Glyn Davies | | Special Representative for North Korea Policy: Special Representative, 2012-01-01, 2014-11-19
Robert Gallucci | |
Wendy Sherman | |
Victor Cha | |
Mark Lippert | | Ambassador of the United States to South Korea: Ambassador, 2014-10-30, 2017-01-20
Harry Harris | | Ambassador of the United States to South Korea: Ambassador, 2018-07-07, 2021-01-20
Philip Goldberg | | Ambassador of the United States to South Korea: Ambassador, 2022-07-29, 2025-01-20
Curtis Scaparrotti | Scaparrotti | Commander of United States Forces Korea: General, 2013-10-02, 2016-04-30
Vincent Brooks | | Commander of United States Forces Korea: General, 2016-04-30, 2018-11-08
Robert Abrams | | Commander of United States Forces Korea: General, 2018-11-08, 2021-07-02
Paul LaCamera | LaCamera | Commander of United States Forces Korea: General, 2021-07-02, 2024-12-20
Xavier Brunson | | Commander of United States Forces Korea: General, 2024-12-20,
Nancy Pelosi | Pelosi | Speaker of the House: Speaker, 2007-01-04, 2011-01-03 + Speaker of the House: Speaker, 2019-01-03, 2023-01-03
Kevin McCarthy | | Speaker of the House: Speaker, 2023-01-07, 2023-10-03
Mitch McConnell | McConnell |
Chuck Schumer | Schumer |
Lindsey Graham | |
John McCain | |
Henry Kissinger | Kissinger |
Otto Warmbier | Warmbier |
Dennis Rodman | |
Bill Richardson | |
Katharine Tai | | United States Trade Representative: Trade Representative, 2021-03-18, 2025-01-20
Robert Lighthizer | Lighthizer | United States Trade Representative: Trade Representative, 2017-05-15, 2021-01-20
Gina Raimondo | | Secretary of Commerce: Commerce Secretary, 2021-03-03, 2025-01-20
# China
Mao Zedong | Mao Tse-tung; Chairman Mao |
Zhou Enlai | |
Deng Xiaoping | |
Jiang Zemin | | President of China: President, 1993-03-27, 2003-03-15 + General Secretary of the Chinese Communist Party: General Secretary, 1989-06-24, 2002-11-15
Hu Jintao | | President of China: President, 2003-03-15, 2013-03-14 + General Secretary of the Chinese Communist Party: General Secretary, 2002-11-15, 2012-11-15
Xi Jinping | | President of China: President, 2013-03-14, + General Secretary of the Chinese Communist Party: General Secretary, 2012-11-15, + Vice President of China: Vice President, 2008-03-15, 2013-03-14
Zhu Rongji | | Premier of China: Premier, 1998-03-17, 2003-03-16
Wen Jiabao | | Premier of China: Premier, 2003-03-16, 2013-03-15
Li Keqiang | | Premier of China: Premier, 2013-03-15, 2023-03-11
Li Qiang | | Premier of China: Premier, 2023-03-11,
Tang Jiaxuan | | Foreign Minister of China: Foreign Minister, 1998-03-18, 2003-03-17
Li Zhaoxing | | Foreign Minister of China: Foreign Minister, 2003-03-17, 2007-04-27
Yang Jiechi | | Foreign Minister of China: Foreign Minister, 2007-04-27, 2013-03-16
Wang Yi | | Foreign Minister of China: Foreign Minister, 2013-03-16, 2022-12-30 + Foreign Minister of China: Foreign Minister, 2023-07-25,
Qin Gang | | Foreign Minister of China: Foreign Minister, 2022-12-30, 2023-07-25
Wang Huning | |
Wang Qishan | |
Han Zheng | |
Zhao Leji | |
Wu Dawei | | Special Representative for Korean Peninsula Affairs: Special Representative, 2010-02-01, 2017-07-01
Kong Xuanyou | | Special Representative for Korean Peninsula Affairs: Special Representative, 2017-08-01, 2019-04-01
Liu Xiaobo | |
Xing Haiming | | Ambassador of China to South Korea: Ambassador, 2020-01-01, 2024-07-01
# Japan
Yasuhiro Nakasone | |
Keizo Obuchi | | Prime Minister of Japan: Prime Minister, 1998-07-30, 2000-04-05
Yoshiro Mori | | Prime Minister of Japan: Prime Minister, 2000-04-05, 2001-04-26
Junichiro Koizumi | Koizumi | Prime Minister of Japan: Prime Minister, 2001-04-26, 2006-09-26
Shinzo Abe | Abe | Prime Minister of Japan: Prime Minister/Premier, 2006-09-26, 2007-09-26 + Prime Minister of Japan: Prime Minister/Premier, 2012-12-26, 2020-09-16
Yasuo Fukuda | | Prime Minister of Japan: Prime Minister, 2007-09-26, 2008-09-24
Taro Aso | | Prime Minister of Japan: Prime Minister, 2008-09-24, 2009-09-16 + Foreign Minister of Japan: Foreign Minister, 2005-10-31, 2007-08-27
Yukio Hatoyama | | Prime Minister of Japan: Prime Minister, 2009-09-16, 2010-06-08
Naoto Kan | | Prime Minister of Japan: Prime Minister, 2010-06-08, 2011-09-02
Yoshihiko Noda | | Prime Minister of Japan: Prime Minister, 2011-09-02, 2012-12-26
Yoshihide Suga | | Prime Minister of Japan: Prime Minister, 2020-09-16, 2021-10-04 + Chief Cabinet Secretary of Japan: Chief Cabinet Secretary, 2012-12-26, 2020-09-16
Fumio Kishida | Kishida | Prime Minister of Japan: Prime Minister, 2021-10-04, 2024-10-01 + Foreign Minister of Japan: Foreign Minister, 2012-12-26, 2017-08-03
Shigeru Ishiba | Ishiba | Prime Minister of Japan: Prime Minister, 2024-10-01, 2025-10-21
Sanae Takaichi | Takaichi | Prime Minister of Japan: Prime Minister, 2025-10-21,
Yohei Kono | |
Makiko Tanaka | |
Yoriko Kawaguchi | | Foreign Minister of Japan: Foreign Minister, 2002-02-01, 2004-09-27
Nobutaka Machimura | | Foreign Minister of Japan: Foreign Minister, 2004-09-27, 2005-10-31
Masahiko Komura | |
Hirofumi Nakasone | |
Katsuya Okada | | Foreign Minister of Japan: Foreign Minister, 2009-09-16, 2010-09-17
Seiji Maehara | | Foreign Minister of Japan: Foreign Minister, 2010-09-17, 2011-03-07
Takeaki Matsumoto | | Foreign Minister of Japan: Foreign Minister, 2011-03-09, 2011-09-02
Koichiro Gemba | | Foreign Minister of Japan: Foreign Minister, 2011-09-02, 2012-12-26
Taro Kono | | Foreign Minister of Japan: Foreign Minister, 2017-08-03, 2019-09-11
Toshimitsu Motegi | | Foreign Minister of Japan: Foreign Minister, 2019-09-11, 2021-11-10 + Foreign Minister of Japan: Foreign Minister, 2025-10-21,
Yoshimasa Hayashi | | Foreign Minister of Japan: Foreign Minister, 2021-11-10, 2023-09-13
Yoko Kamikawa | | Foreign Minister of Japan: Foreign Minister, 2023-09-13, 2024-10-01
Takeshi Iwaya | | Foreign Minister of Japan: Foreign Minister, 2024-10-01, 2025-10-21
Yuriko Koike | | Governor of Tokyo: Governor, 2016-08-02,
Akihito | Emperor Akihito | Emperor of Japan: Emperor, 1989-01-07, 2019-04-30
Naruhito | Emperor Naruhito | Emperor of Japan: Emperor, 2019-05-01,
Megumi Yokota | |
# Russia
Mikhail Gorbachev | Gorbachev |
Boris Yeltsin | Yeltsin | President of Russia: President, 1991-07-10, 1999-12-31
Vladimir Putin | Putin | President of Russia: President, 2000-05-07, 2008-05-07 + President of Russia: President, 2012-05-07, + Prime Minister of Russia: Prime Minister, 2008-05-08, 2012-05-07
Mikhail Kasyanov | | Prime Minister of Russia: Prime Minister, 2000-05-17, 2004-02-24
Viktor Khristenko | |
Mikhail Fradkov | | Prime Minister of Russia: Prime Minister, 2004-03-05, 2007-09-12
Viktor Zubkov | | Prime Minister of Russia: Prime Minister, 2007-09-14, 2008-05-07
Dmitry Medvedev | Medvedev | President of Russia: President, 2008-05-07, 2012-05-07 + Prime Minister of Russia: Prime Minister, 2012-05-08, 2020-01-16
Mikhail Mishustin | Mishustin | Prime Minister of Russia: Prime Minister, 2020-01-16,
Igor Ivanov | | Foreign Minister of Russia: Foreign Minister, 1998-09-11, 2004-03-09
Sergey Lavrov | Sergei Lavrov; Lavrov | Foreign Minister of Russia: Foreign Minister, 2004-03-09,
Sergei Shoigu | Sergey Shoigu; Shoigu | Defence Minister of Russia: Defense Minister/Defence Minister, 2012-11-06, 2024-05-12
Andrei Belousov | Andrey Belousov | Defence Minister of Russia: Defense Minister/Defence Minister, 2024-05-12,
Dmitry Peskov | Peskov |
Alexei Navalny | Navalny |
Alexander Lukashenko | Lukashenko | President of Belarus: President, 1994-07-20,
# Leaders beyond the four powers
Narendra Modi | Modi | Prime Minister of India: Prime Minister, 2014-05-26,
Manmohan Singh | | Prime Minister of India: Prime Minister, 2004-05-22, 2014-05-26
Susilo Bambang Yudhoyono | Yudhoyono; SBY | President of Indonesia: President, 2004-10-20, 2014-10-20
Joko Widodo | Jokowi; ~Widodo | President of Indonesia: President, 2014-10-20, 2024-10-20
Prabowo Subianto | Prabowo; ~Prabowo | President of Indonesia: President, 2024-10-20,
Benigno Aquino III | Noynoy Aquino; ~Aquino | President of the Philippines: President, 2010-06-30, 2016-06-30
Rodrigo Duterte | Duterte | President of the Philippines: President, 2016-06-30, 2022-06-30
Ferdinand Marcos Jr. | Bongbong Marcos; ~Marcos | President of the Philippines: President, 2022-06-30,
Lee Kuan Yew | |
Lee Hsien Loong | ~Lee | Prime Minister of Singapore: Prime Minister, 2004-08-12, 2024-05-15
Lawrence Wong | | Prime Minister of Singapore: Prime Minister, 2024-05-15,
Nguyen Phu Trong | Nguyễn Phú Trọng; ~Trong | General Secretary of the Communist Party of Vietnam: General Secretary, 2011-01-19, 2024-07-19
To Lam | Tô Lâm; ~Lam | General Secretary of the Communist Party of Vietnam: General Secretary, 2024-08-03,
Nguyen Xuan Phuc | ~Phuc | Prime Minister of Vietnam: Prime Minister, 2016-04-07, 2021-04-05
Pham Minh Chinh | ~Chinh | Prime Minister of Vietnam: Prime Minister, 2021-04-05,
Prayut Chan-o-cha | Prayuth Chan-ocha; ~Prayut | Prime Minister of Thailand: Prime Minister, 2014-08-24, 2023-08-22
Yingluck Shinawatra | ~Yingluck | Prime Minister of Thailand: Prime Minister, 2011-08-05, 2014-05-07
Paetongtarn Shinawatra | ~Paetongtarn | Prime Minister of Thailand: Prime Minister, 2024-08-16, 2025-07-01
Najib Razak | ~Najib | Prime Minister of Malaysia: Prime Minister, 2009-04-03, 2018-05-10
Mahathir Mohamad | Mahathir; ~Mahathir | Prime Minister of Malaysia: Prime Minister, 2018-05-10, 2020-03-01
Anwar Ibrahim | ~Anwar | Prime Minister of Malaysia: Prime Minister, 2022-11-24,
Tsakhiagiin Elbegdorj | Elbegdorj; ~Elbegdorj | President of Mongolia: President, 2009-06-18, 2017-07-10
Khaltmaagiin Battulga | Battulga; ~Battulga | President of Mongolia: President, 2017-07-10, 2021-06-25
Ukhnaagiin Khurelsukh | Ukhnaagiin Khürelsükh; Khurelsukh; ~Khurelsukh | President of Mongolia: President, 2021-06-25,
Ma Ying-jeou | | President of Taiwan: President, 2008-05-20, 2016-05-20
Tsai Ing-wen | | President of Taiwan: President, 2016-05-20, 2024-05-20
Lai Ching-te | William Lai | President of Taiwan: President, 2024-05-20,
Hun Sen | | Prime Minister of Cambodia: Prime Minister, 1985-01-14, 2023-08-22
Hun Manet | | Prime Minister of Cambodia: Prime Minister, 2023-08-22,
Aung San Suu Kyi | Suu Kyi; ~Suu Kyi | State Counsellor of Myanmar: State Counsellor, 2016-04-06, 2021-02-01
Min Aung Hlaing | | Commander-in-Chief of Myanmar's armed forces: Senior General, 2011-03-30,
Kevin Rudd | Rudd | Prime Minister of Australia: Prime Minister, 2007-12-03, 2010-06-24
Julia Gillard | Gillard | Prime Minister of Australia: Prime Minister, 2010-06-24, 2013-06-27
Tony Abbott | | Prime Minister of Australia: Prime Minister, 2013-09-18, 2015-09-15
Malcolm Turnbull | Turnbull | Prime Minister of Australia: Prime Minister, 2015-09-15, 2018-08-24
Scott Morrison | | Prime Minister of Australia: Prime Minister, 2018-08-24, 2022-05-23
Anthony Albanese | Albanese | Prime Minister of Australia: Prime Minister, 2022-05-23,
Jacinda Ardern | Ardern | Prime Minister of New Zealand: Prime Minister, 2017-10-26, 2023-01-25
Christopher Luxon | Luxon | Prime Minister of New Zealand: Prime Minister, 2023-11-27,
Stephen Harper | | Prime Minister of Canada: Prime Minister, 2006-02-06, 2015-11-04
Justin Trudeau | Trudeau | Prime Minister of Canada: Prime Minister, 2015-11-04, 2025-03-14
Mark Carney | | Prime Minister of Canada: Prime Minister, 2025-03-14,
Tony Blair | | Prime Minister of the United Kingdom: Prime Minister, 1997-05-02, 2007-06-27
Gordon Brown | | Prime Minister of the United Kingdom: Prime Minister, 2007-06-27, 2010-05-11
David Cameron | Cameron | Prime Minister of the United Kingdom: Prime Minister, 2010-05-11, 2016-07-13
Theresa May | | Prime Minister of the United Kingdom: Prime Minister, 2016-07-13, 2019-07-24
Boris Johnson | | Prime Minister of the United Kingdom: Prime Minister, 2019-07-24, 2022-09-06
Liz Truss | | Prime Minister of the United Kingdom: Prime Minister, 2022-09-06, 2022-10-25
Rishi Sunak | Sunak | Prime Minister of the United Kingdom: Prime Minister, 2022-10-25, 2024-07-05
Keir Starmer | Starmer | Prime Minister of the United Kingdom: Prime Minister, 2024-07-05,
Angela Merkel | Merkel | Chancellor of Germany: Chancellor, 2005-11-22, 2021-12-08
Olaf Scholz | Scholz | Chancellor of Germany: Chancellor, 2021-12-08, 2025-05-06
Friedrich Merz | | Chancellor of Germany: Chancellor, 2025-05-06,
Nicolas Sarkozy | Sarkozy | President of France: President, 2007-05-16, 2012-05-15
François Hollande | Francois Hollande; Hollande | President of France: President, 2012-05-15, 2017-05-14
Emmanuel Macron | Macron | President of France: President, 2017-05-14,
Giorgia Meloni | Meloni | Prime Minister of Italy: Prime Minister, 2022-10-22,
Volodymyr Zelensky | Volodymyr Zelenskyy; Zelensky; Zelenskyy | President of Ukraine: President, 2019-05-20,
Petro Poroshenko | Poroshenko | President of Ukraine: President, 2014-06-07, 2019-05-20
Ali Khamenei | Ayatollah Ali Khamenei; Khamenei | Supreme Leader of Iran: Supreme Leader/Ayatollah, 1989-06-04,
Mahmoud Ahmadinejad | Ahmadinejad | President of Iran: President, 2005-08-03, 2013-08-03
Hassan Rouhani | Rouhani | President of Iran: President, 2013-08-03, 2021-08-03
Ebrahim Raisi | Raisi | President of Iran: President, 2021-08-03, 2024-05-19
Masoud Pezeshkian | Pezeshkian | President of Iran: President, 2024-07-28,
Benjamin Netanyahu | Netanyahu | Prime Minister of Israel: Prime Minister, 2009-03-31, 2021-06-13 + Prime Minister of Israel: Prime Minister, 2022-12-29,
Recep Tayyip Erdoğan | Recep Tayyip Erdogan; Erdoğan; Erdogan | President of Turkey: President, 2014-08-28, + Prime Minister of Turkey: Prime Minister, 2003-03-14, 2014-08-28
Bashar al-Assad | Assad; al-Assad | President of Syria: President, 2000-07-17, 2024-12-08
Mohammed bin Salman | MBS | Crown Prince of Saudi Arabia: Crown Prince, 2017-06-21,
Imran Khan | | Prime Minister of Pakistan: Prime Minister, 2018-08-18, 2022-04-10
Luiz Inácio Lula da Silva | Lula da Silva; Lula; ~Lula | President of Brazil: President, 2003-01-01, 2010-12-31 + President of Brazil: President, 2023-01-01,
Jair Bolsonaro | Bolsonaro | President of Brazil: President, 2019-01-01, 2022-12-31
Fidel Castro | |
Raúl Castro | Raul Castro |
Muammar Gaddafi | Gaddafi; Qaddafi |
Saddam Hussein | |
Pope Francis | | Pope: Pope, 2013-03-13, 2025-04-21
Pope Leo XIV | |
# Heads of international bodies
Kofi Annan | | Secretary-General of the United Nations: Secretary-General/Secretary General, 1997-01-01, 2006-12-31
António Guterres | Antonio Guterres; Guterres | Secretary-General of the United Nations: Secretary-General/Secretary General, 2017-01-01,
Mohamed ElBaradei | ElBaradei | Director General of the IAEA: Director General/Director-General, 1997-12-01, 2009-11-30
Yukiya Amano | Amano | Director General of the IAEA: Director General/Director-General, 2009-12-01, 2019-07-18
Rafael Grossi | Rafael Mariano Grossi; Grossi | Director General of the IAEA: Director General/Director-General, 2019-12-03,
Jim Yong Kim | | President of the World Bank Group: World Bank President, 2012-07-01, 2019-02-01
David Malpass | Malpass | President of the World Bank Group: World Bank President, 2019-04-09, 2023-06-01
Ajay Banga | | President of the World Bank Group: World Bank President, 2023-06-02,
Jens Stoltenberg | Stoltenberg | Secretary General of NATO: Secretary General, 2014-10-01, 2024-10-01
Mark Rutte | Rutte | Secretary General of NATO: Secretary General, 2024-10-01,
Tedros Adhanom Ghebreyesus | Tedros | Director-General of the WHO: Director-General/Director General, 2017-07-01,
Ngozi Okonjo-Iweala | Okonjo-Iweala | Director-General of the WTO: Director-General/Director General, 2021-03-01,
Thomas Bach | | President of the IOC: IOC President, 2013-09-10, 2025-06-23
Ursula von der Leyen | von der Leyen | President of the European Commission: Commission President, 2019-12-01,
Michelle Bachelet | Bachelet | UN High Commissioner for Human Rights: High Commissioner, 2018-09-01, 2022-08-31
Tomás Ojea Quintana | Tomas Ojea Quintana; Ojea Quintana | UN Special Rapporteur on North Korean human rights: Special Rapporteur, 2016-08-01, 2022-07-31
Marzuki Darusman | Darusman | UN Special Rapporteur on North Korean human rights: Special Rapporteur, 2010-08-01, 2016-07-31
Michael Kirby | | Chair of the UN Commission of Inquiry on North Korea: Justice, 2013-05-07, 2014-03-17
Elizabeth Salmón | Elizabeth Salmon | UN Special Rapporteur on North Korean human rights: Special Rapporteur, 2022-08-01,
Sun Myung Moon | Moon Sun-myung | 
"""
