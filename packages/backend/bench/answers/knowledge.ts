import { PDFDocument, StandardFonts } from "pdf-lib";

/** Three fictional organizations and their help content, as an admin would upload it. */
export type BenchFile = { name: string; body: () => Promise<Blob> };
export type BenchOrganization = {
  id: string;
  name: string;
  widgetLanguage: "en" | "pt-BR";
  files: BenchFile[];
};

const text = (name: string, content: string): BenchFile => ({
  name,
  body: async () => new Blob([content]),
});

// Markdown is hard-wrapped at about 90 characters, as help articles exported from editors are.
const NIMBUS_HELP = `# Nimbus Notes help

## Free trial
The free trial lasts 14 days and does not require a credit card. When the trial ends, your
workspace moves to the Free plan unless you choose a paid plan.

## Exporting notebooks
You can export any notebook as PDF, Markdown or HTML from the notebook menu. Exports of
workspaces larger than 1 GB are sent to your email as a download link.

## Sharing
Invite teammates from Settings > Members. Guests can view and comment but cannot edit.
Invitations expire after 7 days.

## Offline mode
The desktop app works offline and syncs your changes the next time you connect. The mobile
apps keep the last 20 notebooks you opened available offline.

## Human support hours
Our support team answers chat and email from Monday to Friday, 9:00 to 18:00 UTC. Urgent
incidents on the Business plan are handled around the clock.

## Two-factor authentication
Enable two-factor authentication under Settings > Security. If you lose your phone, sign in
with one of the ten recovery codes you saved when you turned it on.

## Cancelling
You can cancel your subscription at any time under Settings > Billing. Your workspace stays on
the paid plan until the end of the current billing period.
`;

const NIMBUS_AJUDA = `# Ajuda do Nimbus Notes

## Teste grátis
O teste grátis dura 14 dias e não precisa de cartão de crédito. Ao final do teste, o espaço
de trabalho passa para o plano Free, a menos que você escolha um plano pago.

## Exportar cadernos
Você pode exportar qualquer caderno em PDF, Markdown ou HTML pelo menu do caderno.

## Suporte humano
Nossa equipe de suporte atende por chat e e-mail de segunda a sexta, das 9h às 18h
(horário de Brasília).

## Cancelamento
Você pode cancelar a assinatura a qualquer momento em Configurações > Cobrança. O espaço
continua no plano pago até o fim do período de cobrança atual.

## Pagamento
Aceitamos cartão de crédito e Pix. Boletos estão disponíveis apenas no plano anual.
`;

const NIMBUS_PLANS = `Plan,Price per user per month,Storage,Notebooks
Free,$0,1 GB,3
Pro,$8,100 GB,Unlimited
Business,$15,1 TB,Unlimited
`;

const KETTLE_SHIPPING = `# Shipping and returns

## Shipping
Orders placed before 2 pm ship the same business day. Standard delivery takes 3 to 5 business
days and is free on orders over $60; below that it costs $6.

## Returns
You can return an unused kettle within 30 days of delivery for a full refund. Return shipping
is free with the prepaid label from your order page.

## Store locations
- Lisbon: Rua Augusta 120, open Monday to Saturday, 10:00 to 19:00.
- Porto: Rua de Santa Catarina 45, open Monday to Friday, 10:00 to 18:00.
`;

const WARRANTY_PAGES = [
  {
    heading: "Warranty",
    paragraphs: [
      [
        "Every Kettleworks kettle carries a two-year warranty that covers manufac-",
        "turing defects. Damage from limescale or drops is not covered.",
      ],
      [
        "To make a warranty claim, email warranty@kettleworks.example with your order",
        "number and a photo of the fault.",
      ],
    ],
  },
  {
    heading: "Repairs and care",
    paragraphs: [
      [
        "Repairs outside the warranty cost a flat fee of $35 plus parts. A repair usually",
        "takes ten business days.",
      ],
      ["Descale your kettle once a month with white vinegar or citric acid."],
    ],
  },
];

/** A two-page PDF with a running head, page numbers and a word hyphenated across lines. */
async function warrantyPdf(): Promise<Blob> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  WARRANTY_PAGES.forEach(({ heading, paragraphs }, index) => {
    const page = doc.addPage([600, 800]);
    let y = 760;
    const line = (content: string, size = 11, gap = 6) => {
      page.drawText(content, { x: 50, y, size, font });
      y -= size + gap;
    };
    line("Kettleworks - Warranty Guide", 9, 20);
    line(heading, 16, 10);
    for (const paragraph of paragraphs) {
      for (const content of paragraph) line(content);
      y -= 12;
    }
    y = 40;
    line(`Page ${index + 1} of ${WARRANTY_PAGES.length}`, 9);
  });
  const bytes = await doc.save();
  return new Blob([bytes.slice().buffer as ArrayBuffer]);
}

const AURORA_ENTREGAS = `<!doctype html>
<html lang="pt-BR"><head><title>Entregas e trocas</title><style>body{font-family:sans-serif}</style>
<script>window.analytics = true;</script></head>
<body><nav>Início | Loja | Contato</nav><header>Loja Aurora</header>
<h1>Entregas e trocas</h1>
<h2>Prazos de entrega</h2>
<p>Enviamos pedidos para todo o Brasil. O prazo de entrega é de 2 a 7 dias úteis,
conforme a região.</p>
<h2>Frete</h2>
<table><thead><tr><th>Região</th><th>Frete</th></tr></thead>
<tbody><tr><td>Sudeste</td><td>R$ 15</td></tr><tr><td>Sul</td><td>R$ 18</td></tr>
<tr><td>Norte e Nordeste</td><td>R$ 25</td></tr></tbody></table>
<p>O frete é grátis em compras acima de R$ 199.</p>
<h2>Trocas e devoluções</h2>
<p>Você pode trocar ou devolver um produto em até 7 dias após o recebimento. O produto
precisa estar lacrado.</p>
<h2>Formas de pagamento</h2>
<ul><li>Cartão de crédito em até 6 vezes sem juros</li><li>Pix com 5% de desconto</li>
<li>Boleto bancário</li></ul>
<footer>© Loja Aurora</footer></body></html>
`;

const AURORA_PRODUTOS = `# Produtos

## Ingredientes
Todos os nossos produtos são veganos e não são testados em animais. A lista completa de
ingredientes está na página de cada produto.

## Protetores solares
Os protetores solares da Aurora têm FPS 50 e resistem à água por 80 minutos.
`;

const AURORA_FAQ = `# Loja Aurora FAQ

## International orders
We only ship within Brazil. International orders are not available yet.

## Ingredients
All our skincare products are vegan and cruelty-free. Full ingredient lists are printed on
each product page.
`;

export const ORGANIZATIONS: BenchOrganization[] = [
  {
    id: "org_nimbus",
    name: "Nimbus Notes",
    widgetLanguage: "en",
    files: [
      text("nimbus-help.md", NIMBUS_HELP),
      text("ajuda-nimbus.md", NIMBUS_AJUDA),
      text("plans.csv", NIMBUS_PLANS),
    ],
  },
  {
    id: "org_kettle",
    name: "Kettleworks",
    widgetLanguage: "en",
    files: [
      text("shipping-and-returns.md", KETTLE_SHIPPING),
      { name: "warranty-guide.pdf", body: warrantyPdf },
    ],
  },
  {
    id: "org_aurora",
    name: "Loja Aurora",
    widgetLanguage: "pt-BR",
    files: [
      text("entregas.html", AURORA_ENTREGAS),
      text("produtos.md", AURORA_PRODUTOS),
      text("faq.md", AURORA_FAQ),
    ],
  },
];

/** Everything an organization's files say, to tell a quoted number from an invented one. */
export function sourceText(organization: BenchOrganization): string {
  const raw: Record<string, string> = {
    org_nimbus: NIMBUS_HELP + NIMBUS_AJUDA + NIMBUS_PLANS,
    org_kettle: KETTLE_SHIPPING + JSON.stringify(WARRANTY_PAGES),
    org_aurora: AURORA_ENTREGAS + AURORA_PRODUTOS + AURORA_FAQ,
  };
  return raw[organization.id] ?? "";
}
