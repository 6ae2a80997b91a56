/** The account's GraphQL documents: who is calling (and in which mode), sign in, sign out. */
import { gql } from "urql";

export const MeQuery = gql`
  query Me {
    me {
      mode
      user {
        id
        displayName
        email
        role
        organisation {
          id
          key
          name
          kind
        }
      }
    }
  }
`;

export const SignInMutation = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignedIn {
        user {
          id
          displayName
          email
          role
          organisation {
            id
            key
            name
            kind
          }
        }
      }
      ... on InvalidInputError {
        message
        problems {
          code
          field
          message
        }
      }
    }
  }
`;

export const SignOutMutation = gql`
  mutation SignOut {
    signOut {
      __typename
    }
  }
`;

export type Role = "ADMIN" | "EDITOR" | "VIEWER";

export interface AccountUser {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  organisation: { id: string; key: string; name: string; kind: "SECRETARIAT" | "PARTY" };
}

export interface MeData {
  me: { mode: "LOCAL" | "ACCOUNTS"; user: AccountUser | null };
}

export interface SignInData {
  signIn:
    | { __typename: "SignedIn"; user: AccountUser }
    | { __typename: "InvalidInputError"; message: string; problems: { code: string; field: string; message: string }[] };
}
