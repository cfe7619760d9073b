import { getIdentity } from "@/modules/auth/lib/auth-server";

async function handle(request: Request) {
  const auth = await getIdentity();
  return auth.handler(request);
}

export { handle as GET, handle as POST };
