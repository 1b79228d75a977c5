namespace IntegrationHub.Bench.Mailbox;

/// <summary>
/// Made-up citizens' mails to a municipality, in Swedish, to draw subjects and paragraphs from. No real people: the
/// senders use the reserved domains example.com/.org/.net; no subject holds anything that looks like a diarienummer
/// (a year followed by / or -), so every generated mail opens a new case.
/// </summary>
internal static class SwedishText
{
    public sealed record Topic(string Name, string[] Subjects, string[] Paragraphs, string[] FileNames);

    public static readonly Topic[] Topics =
    [
        new("bygglov",
            ["Fråga om bygglov för garage", "Bygglov för inglasad altan", "Attefallshus på tomten – behövs anmälan?", "Ansökan om marklov för stödmur", "Komplettering av ritningar till bygglovsansökan"],
            [
                "Vi funderar på att bygga ett garage på ungefär 35 kvadratmeter på vår tomt och undrar om det krävs bygglov eller om det räcker med en anmälan. Garaget skulle placeras fyra meter från tomtgränsen mot grannen.",
                "Huset ligger inom detaljplanelagt område och vi vet inte om planen tillåter fler byggnader på tomten. Kan ni berätta vilken byggrätt som finns kvar och om det finns några särskilda bestämmelser om takvinkel eller fasadmaterial?",
                "Grannen har redan sagt att hen inte har något emot bygget, men vi förstår att ni kanske ändå vill höra grannarna. Hur lång tid brukar handläggningen ta när ansökan är komplett?",
                "Bifogat finns situationsplan, fasadritningar och en planritning. Säg gärna till om något saknas, så skickar vi det så snart vi kan. Vi vill helst komma igång med grunden innan hösten.",
                "Vi har läst på kommunens webbplats om kontrollansvarig och tekniskt samråd men är osäkra på om det gäller för ett så här litet projekt. Vad behöver vi lämna in innan vi får börja bygga?",
            ],
            ["situationsplan.pdf", "fasadritning.pdf", "planritning.pdf", "foto tomten.jpg", "nybyggnadskarta.pdf"]),
        new("forskola",
            ["Ansökan om förskoleplats", "Byte av förskola till hösten", "Fråga om plats på förskolan Solrosen", "Uppsägning av förskoleplats", "Ändrad schematid på förskolan"],
            [
                "Vi har flyttat till kommunen i somras och vill ansöka om förskoleplats för vår dotter som fyller två år i mars. Vi önskar i första hand en förskola i närheten av centrum, eftersom vi båda arbetar där.",
                "Vår son går i dag på en förskola på andra sidan stan och vi skulle vilja byta till en förskola närmare hemmet. Hur lång är kön just nu, och påverkar det vår plats i kön att han redan har en placering?",
                "Jag undrar också hur avgiften räknas ut när man har delad vårdnad och barnet bor växelvis hos oss båda. Ska vi lämna inkomstuppgifter var för sig?",
                "Från och med nästa månad får jag nya arbetstider och behöver därför ändra schemat till måndag till torsdag mellan åtta och fyra. Fredagar är han ledig hemma med sin pappa.",
                "Tack för ett bra bemötande när vi var på besök förra veckan. Personalen tog sig tid att visa runt och svara på alla våra frågor.",
            ],
            ["intyg arbetsgivare.pdf", "schema.pdf"]),
        new("gata",
            ["Trasig gatubelysning på Storgatan", "Snöröjning på vår gata", "Potthål i korsningen vid skolan", "Fråga om parkering vid badplatsen", "Halt på gångvägen vid äldreboendet"],
            [
                "Sedan ett par veckor är tre gatlyktor släckta längs gångvägen mellan järnvägsstationen och bostadsområdet. Det är väldigt mörkt på kvällarna och flera grannar har sagt att de känner sig otrygga när de går hem.",
                "Vår gata har inte plogats sedan snöfallet i helgen och det har bildats djupa hjulspår som fryser på nätterna. Bussen har svårt att komma fram och det är nästan omöjligt att gå med barnvagn.",
                "I korsningen utanför skolan finns ett stort potthål som fylls med vatten när det regnar. Bilarna svänger ut för att undvika det och hamnar nära cykelbanan där barnen cyklar till skolan.",
                "Skulle kommunen kunna sätta upp ett tydligare skyltat övergångsställe eller sänka hastigheten till trettio på sträckan? Många kör fort där på morgonen.",
                "Jag har bifogat några bilder som visar hur det ser ut. Hör gärna av er om ni behöver veta exakt var det är, jag bor alldeles i närheten.",
            ],
            ["bild 1.jpg", "bild 2.jpg", "karta.png"]),
        new("avfall",
            ["Soptunnan har inte tömts", "Byte till mindre kärl för matavfall", "Grovsopor vid återvinningsstationen", "Fråga om hämtning av trädgårdsavfall", "Felaktig faktura för renhållning"],
            [
                "Vår soptunna har inte blivit tömd de senaste två hämtningsdagarna trots att den stått ute vid tomtgränsen som vanligt. Locket var stängt och inget felaktigt avfall låg i kärlet.",
                "Vi är numera bara två i hushållet och skulle vilja byta till ett mindre kärl för restavfall. Hur gör vi, och påverkar det avgiften redan från nästa kvartal?",
                "Vid återvinningsstationen bakom affären har någon ställt möbler, madrasser och en gammal tvättmaskin. Det har stått där i över en vecka och börjar se skräpigt ut.",
                "Enligt fakturan har vi abonnemang för hämtning varje vecka, men vi har sedan länge hämtning varannan vecka. Kan ni se över fakturan och skicka en ny?",
                "Tack på förhand för hjälpen, och tack till chaufförerna som alltid är vänliga och noga.",
            ],
            ["faktura.pdf", "foto kärlet.jpg"]),
        new("vatten",
            ["Missfärgat vatten i kranen", "Anslutning till kommunalt vatten och avlopp", "Vattenmätaren behöver bytas", "Översvämning i källaren efter skyfallet", "Fråga om vattenläcka på gatan"],
            [
                "Sedan i går morse är vattnet i kranen brunaktigt och luktar lite metall. Vi har spolat en stund men det blir inte bättre. Grannarna har samma problem.",
                "Vi har köpt en fastighet utanför tätorten som i dag har egen brunn och enskilt avlopp. Vi undrar om det är möjligt att ansluta till det kommunala nätet och vad anslutningsavgiften i så fall blir.",
                "Efter det kraftiga regnet i helgen stod det vatten i källaren. Vi tror att det kan bero på att dagvattnet inte hinner rinna undan i ledningarna på gatan. Har fler hört av sig om samma sak?",
                "Vattenmätaren i pannrummet har börjat läcka lite vid kopplingen. Kan ni skicka någon som byter den, och behöver vi vara hemma när ni kommer?",
                "Jag bifogar bilder på mätaren och på vattnet i ett glas så att ni ser hur det ser ut.",
            ],
            ["vattenmätare.jpg", "källaren.jpg", "fastighetskarta.pdf"]),
        new("miljo",
            ["Klagomål på buller från byggarbetsplats", "Störande lukt från restaurang", "Anmälan om nedskräpning i naturreservatet", "Fråga om eldning av trädgårdsavfall", "Buller från fläkt på grannfastigheten"],
            [
                "Byggarbetsplatsen intill vårt hus börjar arbeta redan klockan sex på morgonen, även på lördagar. Det är pålning och maskiner som hörs tydligt inne i lägenheten med stängda fönster.",
                "En restaurang i bottenvåningen har fått en ny ventilation och sedan dess luktar det stekos i hela trapphuset och på innergården. Vi har pratat med ägaren men inget har hänt.",
                "Längs stigen i naturreservatet ligger det mycket skräp, bland annat plastpåsar och glasflaskor. Det verkar som att någon har haft fest vid grillplatsen och lämnat allt kvar.",
                "Är det tillåtet att elda löv och ris på den egna tomten under våren, eller måste allt lämnas på återvinningscentralen? Vi bor inom tätort.",
                "Jag har fört anteckningar om när bullret förekommer och bifogar dem tillsammans med en ljudinspelning från balkongen.",
            ],
            ["anteckningar.pdf", "foto.jpg"]),
        new("skola",
            ["Ansökan om skolskjuts", "Fråga om byte av skola", "Synpunkt på skolmaten", "Ledighetsansökan för elev", "Fritidshemsplats till hösten"],
            [
                "Vår dotter börjar årskurs ett i höst och skolvägen är drygt fyra kilometer längs en väg utan gång- och cykelbana. Vi vill därför ansöka om skolskjuts.",
                "Vi funderar på att låta vår son byta till en skola närmare hans kompisar. Hur går en sådan ansökan till och finns det lediga platser i årskurs fyra?",
                "Flera föräldrar har reagerat på att det ofta serveras samma rätter och att det vegetariska alternativet ibland tar slut innan de yngre barnen hunnit äta.",
                "Vi ansöker om ledighet för vår son under tre dagar i november i samband med en släktings bröllop utomlands. Han tar med sig skoluppgifter och läser ikapp det han missar.",
                "Tack för att ni tar er tid att läsa detta. Vi ser fram emot ert svar.",
            ],
            ["intyg.pdf", "karta skolväg.png"]),
        new("omsorg",
            ["Ansökan om hemtjänst för min mamma", "Fråga om plats på särskilt boende", "Synpunkt på trygghetslarmet", "Ledsagning till läkarbesök", "Avgift för hemtjänst"],
            [
                "Min mamma är åttiosju år och bor ensam i sin lägenhet. Hon har blivit sämre på att klara matlagning och städning och behöver nog hjälp några gånger i veckan.",
                "Vi anhöriga undrar hur man ansöker om plats på ett särskilt boende och hur lång väntetiden brukar vara. Pappa har en demenssjukdom och det fungerar inte längre hemma.",
                "Trygghetslarmet har vid två tillfällen inte fungerat när min far tryckt på knappen. Det är oroande eftersom han har fallit flera gånger det senaste året.",
                "Skulle det vara möjligt att få ledsagning till ett läkarbesök på sjukhuset nästa månad? Jag kan själv inte följa med eftersom jag bor på annan ort.",
                "Vi är tacksamma för all hjälp och för personalen som gör ett fantastiskt arbete.",
            ],
            ["läkarintyg.pdf", "fullmakt.pdf"]),
    ];

    public static readonly string[] Greetings = ["Hej!", "Hej,", "Hej kommunen,", "Goddag,", "Till den det berör,", "Hej där!"];

    public static readonly string[] Closings = ["Med vänliga hälsningar", "Vänliga hälsningar", "Hälsningar", "Tack på förhand!", "Mvh"];

    /// <summary>Made-up senders: display name and the local part of an address at a reserved domain.</summary>
    public static readonly (string Name, string LocalPart)[] People =
    [
        ("Anna Lindqvist", "anna.lindqvist"), ("Erik Söderberg", "erik.soderberg"), ("Maria Åkesson", "maria.akesson"),
        ("Johan Nyström", "johan.nystrom"), ("Karin Höglund", "karin.hoglund"), ("Lars Ekström", "lars.ekstrom"),
        ("Sara Bäckström", "sara.backstrom"), ("Mohammed Ali", "m.ali"), ("Elin Sjögren", "elin.sjogren"),
        ("Per-Olof Dahl", "perolof.dahl"), ("Fatima Hassan", "fatima.hassan"), ("Nils Öberg", "nils.oberg"),
        ("Ingrid Lundin", "ingrid.lundin"), ("Ahmed Yusuf", "ahmed.yusuf"), ("Linnea Wikström", "linnea.w"),
        ("Gunnar Forsberg", "gunnar.forsberg"), ("Zeynep Kaya", "zeynep.kaya"), ("Oskar Hedlund", "oskar.hedlund"),
    ];

    public static readonly string[] Domains = ["example.com", "example.org", "example.net"];

    /// <summary>Skatteverket's test personnummer (Tolvan Tolvansson): the hub flags the mail as holding personal data.</summary>
    public const string PersonnummerSentence = "Mitt personnummer är 19121212-1212 om ni behöver det för att hitta mina uppgifter.";

    /// <summary>A secrecy keyword (skyddad identitet): the hub classifies the mail restricted.</summary>
    public const string SecrecySentence = "Observera att jag har skyddad identitet, så skicka inga papper till min folkbokföringsadress.";
}
