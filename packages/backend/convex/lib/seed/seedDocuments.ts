/** The demo organization's knowledge base: a few short product documents in English and Portuguese. */
export const SEED_DOCUMENTS: { key: string; name: string; text: string }[] = [
  {
    key: "getting-started",
    name: "getting-started.md",
    text: `# Getting started with Nimbus

Nimbus is a cloud notebook for teams. Create an account at nimbus.example with your work email, then confirm the address from the message we send you.

## Creating a workspace
After signing in, choose "New workspace", give it a name and invite teammates by email. Invitations expire after 7 days.

## Installing the desktop app
The desktop app is available for Windows, macOS and Linux from the Downloads page. It syncs automatically when you are online.`,
  },
  {
    key: "billing",
    name: "billing-and-plans.md",
    text: `# Billing and plans

Nimbus has three plans. Free includes 3 notebooks and 1 GB of storage. Pro costs $12 per user per month and includes unlimited notebooks and 100 GB of storage. Enterprise pricing is custom and includes single sign-on.

## Refunds
You can request a full refund within 30 days of your first payment. Write to billing@nimbus.example with your invoice number; refunds reach your card in 5 to 10 business days.

## Changing plans
Upgrades take effect immediately and are prorated. Downgrades take effect at the end of the current billing period.`,
  },
  {
    key: "account-security",
    name: "account-security.md",
    text: `# Account and security

## Resetting your password
On the sign-in page, click "Forgot password" and enter your email. We send a reset link that is valid for 1 hour. If it does not arrive, check your spam folder.

## Two-factor authentication
Enable two-factor authentication under Settings > Security. Nimbus supports authenticator apps and hardware security keys.

## Deleting your account
Account owners can delete the account under Settings > Account. Deleted data is kept for 14 days and then permanently erased.`,
  },
  {
    key: "primeiros-passos",
    name: "primeiros-passos.md",
    text: `# Primeiros passos com o Nimbus

O Nimbus é um caderno na nuvem para equipes. Crie sua conta em nimbus.example com o seu e-mail de trabalho e confirme o endereço pela mensagem que enviamos.

## Redefinir a senha
Na página de login, clique em "Esqueci minha senha" e informe o seu e-mail. O link de redefinição vale por 1 hora.

## Reembolso
Você pode pedir reembolso integral em até 30 dias após o primeiro pagamento, escrevendo para billing@nimbus.example com o número da fatura. O valor volta ao cartão em 5 a 10 dias úteis.`,
  },
];
